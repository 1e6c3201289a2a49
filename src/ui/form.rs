//! The front-matter form: title, date, categories, tags and layout as fields, and the
//! post's other keys as raw YAML lines. Fields are refreshed from the text whenever it
//! changes from elsewhere; an edit becomes a command that rewrites only that key.

use crate::i18n::tr;
use crate::tr;
use egui::Ui;

use super::labels;
use crate::command::{Command, Requests};
use crate::journal::date::{Zone, format_with_offset, parse_user_date};
use crate::journal::form_fields::other_fields_text;
use crate::journal::front_matter::{FrontMatter, NewValue, Value};
use crate::journal::new_post::split_list;

/// The form's fields, as the user is editing them.
#[derive(Debug, Default, Clone)]
pub struct FormState {
    pub title: String,
    pub date: String,
    /// The date as it stands in the file: leaving the field without changing it writes
    /// nothing (an unquoted date without an offset must not silently gain one).
    date_loaded: String,
    pub categories: String,
    pub tags: String,
    pub layout: String,
    pub others: String,
    categories_is_list: bool,
    tags_is_list: bool,
    /// Why the front matter cannot be edited with the form, if so.
    pub error: Option<String>,
    pub date_error: Option<String>,
    pub others_error: Option<String>,
    /// The document generation the fields were read from.
    synced: Option<(u64, std::path::PathBuf)>,
}

fn list_text(v: Option<Value>) -> (String, bool) {
    match v {
        Some(Value::List(items)) => (
            items
                .iter()
                .filter_map(Value::as_text)
                .collect::<Vec<_>>()
                .join(" "),
            true,
        ),
        Some(other) => (other.as_text().unwrap_or_default(), false),
        None => (String::new(), false),
    }
}

impl FormState {
    /// Re-read the fields from `text` unless they already reflect this generation.
    pub fn sync(&mut self, text: &str, generation: u64, path: &std::path::Path) {
        if self
            .synced
            .as_ref()
            .is_some_and(|(g, p)| *g == generation && p == path)
        {
            return;
        }
        self.synced = Some((generation, path.to_owned()));
        match FrontMatter::parse(text) {
            Ok(fm) => {
                self.error = None;
                self.title = fm.title().unwrap_or_default();
                self.date = fm.date().map(|(d, _)| d).unwrap_or_default();
                self.date_loaded = self.date.clone();
                (self.categories, self.categories_is_list) = list_text(fm.get("categories"));
                (self.tags, self.tags_is_list) = list_text(fm.get("tags"));
                self.layout = fm.layout_name().unwrap_or_default();
                self.others = other_fields_text(text);
                self.others_error = None;
                self.date_error = None;
            }
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    /// Mark the fields as matching the text after the form's own edit.
    pub fn mark_synced(&mut self, generation: u64) {
        if let Some((g, _)) = self.synced.as_mut() {
            *g = generation;
        }
    }

    fn list_value(&self, text: &str, is_list: bool) -> NewValue {
        if is_list {
            NewValue::List(split_list(text))
        } else {
            NewValue::Text(text.trim().to_owned())
        }
    }

    pub fn ui(&mut self, ui: &mut Ui, zone: &Zone, commands: &mut Requests) {
        if let Some(e) = &self.error {
            ui.colored_label(
                ui.visuals().error_fg_color,
                tr!("front-matter-error", error = e.to_string()),
            );
            return;
        }
        egui::Grid::new("front-matter-form")
            .num_columns(2)
            .spacing([8.0, 4.0])
            .show(ui, |ui| {
                if field(ui, tr(labels::TITLE), &mut self.title).changed() {
                    commands.push(Command::SetField {
                        key: "title".into(),
                        value: NewValue::Text(self.title.clone()),
                    });
                }
                ui.end_row();
                let date = field(ui, tr(labels::DATE), &mut self.date);
                let edited = self.date.trim() != self.date_loaded.trim();
                if edited
                    && (date.lost_focus()
                        || (date.changed() && parse_user_date(&self.date, zone).is_some()))
                {
                    match parse_user_date(&self.date, zone) {
                        Some(instant) => {
                            self.date_error = None;
                            if date.lost_focus() {
                                self.date_loaded = format_with_offset(&instant);
                                commands.push(Command::SetField {
                                    key: "date".into(),
                                    value: NewValue::Raw(format_with_offset(&instant)),
                                });
                            }
                        }
                        None if self.date.trim().is_empty() => {
                            self.date_loaded.clear();
                            commands.push(Command::RemoveField("date".into()))
                        }
                        None => self.date_error = Some(tr!("date-format")),
                    }
                }
                ui.end_row();
                if let Some(e) = &self.date_error {
                    ui.label("");
                    ui.colored_label(ui.visuals().error_fg_color, tr!("not-a-date", error = e));
                    ui.end_row();
                }
                for (key, label) in [
                    ("categories", tr(labels::CATEGORIES)),
                    ("tags", tr(labels::TAGS)),
                    ("layout", tr(labels::LAYOUT)),
                ] {
                    let (value, is_list) = match key {
                        "categories" => (&mut self.categories, self.categories_is_list),
                        "tags" => (&mut self.tags, self.tags_is_list),
                        _ => (&mut self.layout, false),
                    };
                    if field(ui, label, value).changed() {
                        let text = value.clone();
                        let command = if text.trim().is_empty() {
                            Command::RemoveField(key.into())
                        } else {
                            Command::SetField {
                                key: key.into(),
                                value: self.list_value(&text, is_list),
                            }
                        };
                        commands.push(command);
                    }
                    ui.end_row();
                }
            });
        egui::CollapsingHeader::new(tr(labels::OTHER_FIELDS))
            .default_open(!self.others.is_empty())
            .show(ui, |ui| {
                let label = ui.label(tr("other-fields-hint"));
                let edit = ui.add(
                    egui::TextEdit::multiline(&mut self.others)
                        .code_editor()
                        .desired_rows(2)
                        .desired_width(f32::INFINITY),
                );
                let edit = edit.labelled_by(label.id);
                if edit.changed() {
                    commands.push(Command::SetOtherFields(self.others.clone()));
                }
                if let Some(e) = &self.others_error {
                    ui.colored_label(ui.visuals().error_fg_color, e);
                }
            });
    }
}

fn field(ui: &mut Ui, label: &str, value: &mut String) -> egui::Response {
    let l = ui.label(label);
    ui.add(egui::TextEdit::singleline(value).desired_width(f32::INFINITY))
        .labelled_by(l.id)
}
