//! The `pyrs` command: parses CPython's command-line options (args.rs), prints
//! version and help texts, checks the script or reads stdin (source.rs), fills
//! `pyrs_vm::Config` and runs `__main__`. Reference: CPython 3.11 Modules/main.c.

mod args;
mod source;

use std::ffi::OsString;
use std::io::Write;

use args::{Command, Options, Target};

/// The version pyrs implements; `sys.version_info` in the VM must agree.
const PY_VERSION: &str = "3.11.7";

fn main() {
    std::process::exit(real_main());
}

fn real_main() -> i32 {
    let mut argv: Vec<OsString> = std::env::args_os().collect();
    // CPython names itself in messages by argv[0] exactly as it was invoked
    // (`python3`, `./python3` or a full path), not by its basename.
    let program = if argv.is_empty() {
        "pyrs".to_string()
    } else {
        argv.remove(0).to_string_lossy().into_owned()
    };
    let getenv = |name: &str| std::env::var(name).ok();
    match args::parse(&argv, &getenv) {
        Err(err) => {
            write_stderr(&args::usage_error_text(&err, &program));
            2
        }
        Ok(Command::Version(level)) => {
            let text = if level >= 2 {
                format!(
                    "Python {PY_VERSION} (pyrs {}) [rustc]\n",
                    env!("CARGO_PKG_VERSION")
                )
            } else {
                format!("Python {PY_VERSION}\n")
            };
            write_stdout(&text);
            0
        }
        Ok(Command::Help(topic)) => {
            write_stdout(&args::help_text(topic, &program));
            0
        }
        Ok(Command::Run(opts)) => run(opts, &program),
    }
}

fn run(opts: Options, program: &str) -> i32 {
    // These two change what runs rather than how, so silently ignoring them
    // would mislead; say so instead (exit 2, like other command-line errors).
    if opts.inspect {
        write_stderr(&format!(
            "{program}: -i (interactive inspection) is not supported yet\n"
        ));
        return 2;
    }
    if opts.skip_first_line {
        write_stderr(&format!(
            "{program}: -x (skip the first source line) is not supported yet\n"
        ));
        return 2;
    }
    let main = match opts.target() {
        Target::Command(code) => pyrs_vm::MainSource::Command(code),
        Target::Module(name) => pyrs_vm::MainSource::Module(name),
        Target::File(path) => {
            if let Err(message) = source::check_script(&path, program) {
                write_stderr(&message);
                return 2;
            }
            // Like CPython's config_run_filename_abspath: the file runs under
            // its absolute path (so `__file__` and tracebacks show it), while
            // sys.argv[0] keeps the path as given.
            pyrs_vm::MainSource::File(source::abspath(std::path::Path::new(&path)))
        }
        Target::Stdin => match source::read_stdin() {
            Ok(text) => pyrs_vm::MainSource::Stdin(text),
            Err(message) => {
                write_stderr(&message);
                return 1;
            }
        },
    };
    // `..Default::default()` keeps this compiling when the VM adds fields;
    // they keep their defaults until the command line learns to set them.
    #[allow(clippy::needless_update)]
    let config = pyrs_vm::Config {
        argv: opts.argv,
        orig_argv: std::env::args_os()
            .map(|a| a.to_string_lossy().into_owned())
            .collect(),
        dont_write_bytecode: opts.dont_write_bytecode,
        ignore_environment: opts.ignore_environment,
        isolated: opts.isolated,
        no_site: opts.no_site,
        no_user_site: opts.no_user_site,
        safe_path: opts.safe_path,
        unbuffered: opts.unbuffered,
        optimize: u8::try_from(opts.optimize).unwrap_or(u8::MAX),
        xoptions: opts.xoptions,
        native_modules: pyrs_stdlib::MODULES,
        ..Default::default()
    };
    pyrs_vm::run_main(config, main)
}

/// Write and flush, ignoring errors: a closed pipe (`pyrs -h | head -1`) must
/// not turn into a panic, and CPython ignores it here too.
fn write_stdout(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

fn write_stderr(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}
