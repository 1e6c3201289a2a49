//! `{% for x in list limit: n offset: n reversed %}…{% else %}…{% endfor %}`, with the
//! `forloop` object (`index`, `index0`, `rindex`, `rindex0`, `first`, `last`, `length`), over
//! lists, hashes (as `[key, value]` pairs) and ranges `(1..n)`.

use super::*;

/// A `for` tag's arguments.
struct ForArgs {
    var: String,
    list: String,
    limit: Option<String>,
    offset: Option<String>,
    reversed: bool,
}

fn parse(args: &str) -> Option<ForArgs> {
    let (var, rest) = args.split_once(" in ")?;
    let rest = rest.trim();
    // The collection: a range `(a..b)` may hold spaces; else the first word.
    let (list, mut tail) = if rest.starts_with('(') {
        let close = rest.find(')')?;
        (&rest[..=close], &rest[close + 1..])
    } else {
        rest.split_once(char::is_whitespace).unwrap_or((rest, ""))
    };
    let mut parsed = ForArgs {
        var: var.trim().to_owned(),
        list: list.to_owned(),
        limit: None,
        offset: None,
        reversed: false,
    };
    loop {
        tail = tail.trim_start().trim_start_matches(',').trim_start();
        if tail.is_empty() {
            break;
        }
        let (word, rest) = tail.split_once(char::is_whitespace).unwrap_or((tail, ""));
        if word == "reversed" {
            parsed.reversed = true;
            tail = rest;
            continue;
        }
        let Some((key, value)) = tail.split_once(':') else {
            break;
        };
        let value = value.trim_start();
        let end = value
            .find(|c: char| c.is_whitespace() || c == ',')
            .unwrap_or(value.len());
        match key.trim() {
            "limit" => parsed.limit = Some(value[..end].to_owned()),
            "offset" => parsed.offset = Some(value[..end].to_owned()),
            _ => {}
        }
        tail = &value[end..];
    }
    Some(parsed)
}

impl Eval<'_, '_, '_> {
    pub(super) fn for_loop(
        &mut self,
        out: &mut Builder,
        locals: &mut Locals,
        tok: Tok,
        args: &str,
        emit: bool,
    ) {
        let parsed = parse(args);
        let list = parsed
            .as_ref()
            .and_then(|p| self.expression(&p.list, locals));
        let (Some(p), Some(list), true) = (parsed, list, emit) else {
            if emit {
                self.mark_unresolved(out, tok);
            }
            self.skip_until("endfor");
            return;
        };
        let number = |e: &Option<String>, this: &Self| {
            e.as_deref()
                .and_then(|e| this.term(e, locals))
                .and_then(|v| v.as_num())
                .map(|n| n.max(0.0) as usize)
        };
        let offset = number(&p.offset, self).unwrap_or(0);
        let limit = number(&p.limit, self);
        let mut items: Vec<LValue> = list.items().into_iter().skip(offset).collect();
        if let Some(limit) = limit {
            items.truncate(limit);
        }
        if p.reversed {
            items.reverse();
        }
        items.truncate(MAX_LOOP);
        let body_start = self.pos;
        if items.is_empty() {
            // The `else` part, if any.
            if let Some((name, _)) = self.block(out, locals, &["else", "endfor"], false)
                && name == "else"
            {
                self.block(out, locals, &["endfor"], true);
            }
            return;
        }
        let outer = locals.remove("forloop");
        let length = items.len();
        for (i, item) in items.into_iter().enumerate() {
            if !self.shared.spend_iteration() {
                self.hit(out, tok, Limit::Iterations);
                break;
            }
            self.pos = body_start;
            locals.insert(p.var.clone(), item);
            locals.insert("forloop".to_owned(), forloop(i, length));
            if let Some((name, _)) = self.block(out, locals, &["else", "endfor"], true)
                && name == "else"
            {
                self.skip_until("endfor");
            }
        }
        locals.remove(&p.var);
        match outer {
            Some(f) => locals.insert("forloop".to_owned(), f),
            None => locals.remove("forloop"),
        };
    }
}

fn forloop(i: usize, length: usize) -> LValue {
    let num = |n: usize| LValue::Num(n as f64);
    LValue::Map(vec![
        ("index".into(), num(i + 1)),
        ("index0".into(), num(i)),
        ("rindex".into(), num(length - i)),
        ("rindex0".into(), num(length - i - 1)),
        ("first".into(), LValue::Bool(i == 0)),
        ("last".into(), LValue::Bool(i + 1 == length)),
        ("length".into(), num(length)),
    ])
}
