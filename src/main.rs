//! The `daybook` binary: parses the command line and either runs a subcommand or opens
//! the window. Everything else lives in the library.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        eprintln!("daybook: internal error: {info}");
    }));
    // The command line speaks the system's language; the window follows its own setting.
    daybook::i18n::set_language(daybook::i18n::system_language());
    let cli = match daybook::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 1 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match cli.command {
        Some(command) => daybook::cli::run(command),
        None => daybook::app::run_window(cli.paths.into_iter().next())
            .map(|()| 0)
            .map_err(|e| daybook::cli::CliError::Failed(format!("{e:#}"))),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            // One line, once: the messages carry their context.
            eprintln!("daybook: {e}");
            ExitCode::from(e.exit_code())
        }
    }
}
