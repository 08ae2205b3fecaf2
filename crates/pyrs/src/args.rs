//! Command-line parsing: CPython 3.11's options and its rules for `sys.argv`.
//! Mirrors `_PyOS_GetOpt` (Python/getopt.c) and `config_parse_cmdline` /
//! `config_read_env_vars` (Python/initconfig.c), including their error texts,
//! because scripts and test suites compare them with CPython's byte for byte.

use std::ffi::{OsStr, OsString};

/// The short options CPython knows; a `:` follows those that take an argument.
/// `J` is listed because getopt gives it its own message (reserved for Jython).
const SHORT_OPTS: &str = "bBc:dEhiIJm:OPqRsStuvVW:xX:?";

/// What the command line asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Run a program.
    Run(Options),
    /// `-V` (level 1) or `-VV` (level 2 and more): print the version, exit 0.
    Version(u32),
    /// `-h`, `-?`, `--help` and the `--help-*` long options: print, exit 0.
    Help(HelpTopic),
}

/// Which help text to print.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HelpTopic {
    /// `-h`: the usage line and the option list.
    Usage,
    /// `--help-env`: the environment variables.
    Env,
    /// `--help-xoptions`: the `-X` options.
    XOptions,
    /// `--help-all`: all of the above.
    All,
}

/// Where `__main__` comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// `-c CODE`.
    Command(String),
    /// `-m MODULE`.
    Module(String),
    /// A script path, kept as the OS gave it so that odd bytes survive.
    File(OsString),
    /// No program argument, or `-`: the program is read from standard input.
    Stdin,
}

/// Every option CPython parses, whether or not pyrs acts on it yet, so that the
/// command line accepts what CPython accepts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    pub target: Option<Target>,
    /// `sys.argv` as CPython builds it (`config_update_argv`).
    pub argv: Vec<String>,
    pub bytes_warning: u32,
    pub parser_debug: u32,
    pub inspect: bool,
    pub isolated: bool,
    pub ignore_environment: bool,
    pub optimize: u32,
    pub safe_path: bool,
    pub dont_write_bytecode: bool,
    pub no_user_site: bool,
    pub no_site: bool,
    pub unbuffered: bool,
    pub verbose: u32,
    pub skip_first_line: bool,
    pub quiet: u32,
    pub warnoptions: Vec<String>,
    pub xoptions: Vec<String>,
    pub check_hash_based_pycs: Option<String>,
}

impl Options {
    /// The program source; `Stdin` when no program was named.
    pub fn target(&self) -> Target {
        self.target.clone().unwrap_or(Target::Stdin)
    }
}

/// A bad command line. `message` is the first line CPython prints; the usage
/// line and the "Try `python -h'" hint follow it, and the exit status is 2.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UsageError {
    pub message: String,
}

impl UsageError {
    fn new(message: impl Into<String>) -> Self {
        UsageError {
            message: message.into(),
        }
    }
}

/// The usage line, as `config_usage` prints it with the program name given.
pub fn usage_line(program: &str) -> String {
    format!("usage: {program} [option] ... [-c cmd | -m mod | file | -] [arg] ...\n")
}

/// The full text for a help topic, byte for byte CPython 3.11's.
pub fn help_text(topic: HelpTopic, program: &str) -> String {
    const USAGE: &str = include_str!("help/usage.txt");
    const ENV: &str = include_str!("help/env.txt");
    const XOPTIONS: &str = include_str!("help/xoptions.txt");
    match topic {
        HelpTopic::Usage => format!("{}{USAGE}", usage_line(program)),
        HelpTopic::Env => ENV.to_string(),
        HelpTopic::XOptions => XOPTIONS.to_string(),
        HelpTopic::All => format!("{}{USAGE}\n\n{ENV}\n\n{XOPTIONS}", usage_line(program)),
    }
}

/// What a usage error prints on stderr.
pub fn usage_error_text(err: &UsageError, program: &str) -> String {
    format!(
        "{}\n{}Try `python -h' for more information.\n",
        err.message,
        usage_line(program)
    )
}

/// Parse the arguments after the program name. `getenv` reads the environment
/// (injected so that tests do not depend on the process environment); it is
/// consulted only when neither `-E` nor `-I` was given.
pub fn parse(
    args: &[OsString],
    getenv: &dyn Fn(&str) -> Option<String>,
) -> Result<Command, UsageError> {
    let mut opts = Options::default();
    let mut version = 0u32;
    // Index of the next argument to look at, and the rest of a group of short
    // options being taken apart (`-BSc` is `-B -S -c`).
    let mut optind = 0usize;
    let mut rest: Vec<char> = Vec::new();
    let mut rest_pos = 0usize;

    loop {
        if rest_pos >= rest.len() {
            let Some(arg) = args.get(optind) else { break };
            let arg = arg.to_string_lossy();
            if !arg.starts_with('-') || arg == "-" {
                break;
            }
            if arg == "--" {
                optind += 1;
                break;
            }
            if arg == "--help" {
                return Ok(Command::Help(HelpTopic::Usage));
            }
            if arg == "--version" {
                optind += 1;
                version += 1;
                continue;
            }
            rest = arg.chars().skip(1).collect();
            rest_pos = 0;
            optind += 1;
        }
        let option = rest[rest_pos];
        rest_pos += 1;

        if option == '-' {
            // A long option: the whole remainder of the argument is its name.
            let name: String = rest[rest_pos..].iter().collect();
            rest_pos = rest.len();
            let whole = format!("--{name}");
            match name.as_str() {
                "check-hash-based-pycs" => {
                    let Some(value) = args.get(optind) else {
                        return Err(UsageError::new(format!(
                            "Argument expected for the {whole} options"
                        )));
                    };
                    optind += 1;
                    let value = value.to_string_lossy().into_owned();
                    if !matches!(value.as_str(), "always" | "never" | "default") {
                        return Err(UsageError::new(
                            "--check-hash-based-pycs must be one of 'default', 'always', or 'never'",
                        ));
                    }
                    opts.check_hash_based_pycs = Some(value);
                }
                "help-all" => return Ok(Command::Help(HelpTopic::All)),
                "help-env" => return Ok(Command::Help(HelpTopic::Env)),
                "help-xoptions" => return Ok(Command::Help(HelpTopic::XOptions)),
                _ => return Err(UsageError::new(format!("unknown option {whole}"))),
            }
            continue;
        }
        if option == 'J' {
            return Err(UsageError::new("-J is reserved for Jython"));
        }
        let Some(spec) = SHORT_OPTS.find(option) else {
            return Err(UsageError::new(format!("Unknown option: -{option}")));
        };
        let takes_arg = SHORT_OPTS[spec + option.len_utf8()..].starts_with(':');
        let optarg: Option<String> = if !takes_arg {
            None
        } else if rest_pos < rest.len() {
            // Glued: `-ccode`, `-Xdev`.
            let value: String = rest[rest_pos..].iter().collect();
            rest_pos = rest.len();
            Some(value)
        } else if let Some(value) = args.get(optind) {
            optind += 1;
            Some(value.to_string_lossy().into_owned())
        } else {
            return Err(UsageError::new(format!(
                "Argument expected for the -{option} option"
            )));
        };

        match (option, optarg) {
            // -c and -m end the options: what follows belongs to the program.
            ('c', Some(code)) => {
                opts.target = Some(Target::Command(code));
                break;
            }
            ('m', Some(module)) => {
                opts.target = Some(Target::Module(module));
                break;
            }
            ('W', Some(w)) => opts.warnoptions.push(w),
            ('X', Some(x)) => opts.xoptions.push(x),
            ('b', _) => opts.bytes_warning += 1,
            ('B', _) => opts.dont_write_bytecode = true,
            ('d', _) => opts.parser_debug += 1,
            ('E', _) => opts.ignore_environment = true,
            ('h' | '?', _) => return Ok(Command::Help(HelpTopic::Usage)),
            ('i', _) => opts.inspect = true,
            ('I', _) => {
                // -I implies -E and -s (and -P), as in CPython.
                opts.isolated = true;
                opts.ignore_environment = true;
                opts.no_user_site = true;
                opts.safe_path = true;
            }
            ('O', _) => opts.optimize += 1,
            ('P', _) => opts.safe_path = true,
            ('q', _) => opts.quiet += 1,
            // -R and -t are accepted and ignored for backwards compatibility.
            ('R' | 't', _) => {}
            ('s', _) => opts.no_user_site = true,
            ('S', _) => opts.no_site = true,
            ('u', _) => opts.unbuffered = true,
            ('v', _) => opts.verbose += 1,
            ('V', _) => version += 1,
            ('x', _) => opts.skip_first_line = true,
            // Unreachable: every letter of SHORT_OPTS is handled above, and the
            // argument-taking ones always carry Some. Report rather than panic.
            (other, _) => return Err(UsageError::new(format!("Unknown option: -{other}"))),
        }
    }

    // Like CPython, -V wins over running anything, but only once parsing
    // succeeded and only if no -h came first.
    if version > 0 {
        return Ok(Command::Version(version));
    }

    // sys.argv: the program's own arguments, with argv[0] replaced by "-c" or
    // "-m", or the script path / "-" as given, or [""] when reading stdin.
    let lossy = |a: &OsString| a.to_string_lossy().into_owned();
    match &opts.target {
        Some(Target::Command(_)) => {
            opts.argv.push("-c".into());
            opts.argv.extend(args[optind..].iter().map(lossy));
        }
        Some(Target::Module(_)) => {
            opts.argv.push("-m".into());
            opts.argv.extend(args[optind..].iter().map(lossy));
        }
        _ => match args.get(optind) {
            None => opts.argv.push(String::new()),
            Some(first) => {
                if first.as_os_str() != OsStr::new("-") {
                    opts.target = Some(Target::File(first.clone()));
                }
                opts.argv.extend(args[optind..].iter().map(lossy));
            }
        },
    }

    if !opts.ignore_environment {
        read_env_vars(&mut opts, getenv);
    }
    Ok(Command::Run(opts))
}

/// The `PYTHON*` variables that map onto options (`config_read_env_vars`).
fn read_env_vars(opts: &mut Options, getenv: &dyn Fn(&str) -> Option<String>) {
    // `_Py_GetEnv` treats an empty value as unset.
    let get = |name: &str| getenv(name).filter(|v| !v.is_empty());
    if env_flag(get("PYTHONDONTWRITEBYTECODE")) > 0 {
        opts.dont_write_bytecode = true;
    }
    if env_flag(get("PYTHONUNBUFFERED")) > 0 {
        opts.unbuffered = true;
    }
    if env_flag(get("PYTHONNOUSERSITE")) > 0 {
        opts.no_user_site = true;
    }
    if env_flag(get("PYTHONSAFEPATH")) > 0 {
        opts.safe_path = true;
    }
    // PYTHONINSPECT is left out on purpose: pyrs has no REPL yet and refuses
    // -i, but a variable left set in a shell should not stop every program.
    opts.optimize = opts.optimize.max(env_flag(get("PYTHONOPTIMIZE")));
    opts.verbose = opts.verbose.max(env_flag(get("PYTHONVERBOSE")));
    if let Some(w) = get("PYTHONWARNINGS") {
        // PYTHONWARNINGS comes before -W options in sys.warnoptions.
        let mut from_env: Vec<String> = w
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        from_env.append(&mut opts.warnoptions);
        opts.warnoptions = from_env;
    }
}

/// `_Py_get_env_flag`: a non-negative integer counts as itself; any other text
/// (`PYTHONOPTIMIZE=yes`, `=-2`) counts as 1; unset counts as 0.
fn env_flag(value: Option<String>) -> u32 {
    match value {
        None => 0,
        Some(v) => match v.trim().parse::<i64>() {
            Ok(n) if n >= 0 => u32::try_from(n).unwrap_or(u32::MAX),
            _ => 1,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_env(_: &str) -> Option<String> {
        None
    }

    fn os(args: &[&str]) -> Vec<OsString> {
        args.iter().map(OsString::from).collect()
    }

    fn run(args: &[&str]) -> Options {
        match parse(&os(args), &no_env) {
            Ok(Command::Run(o)) => o,
            other => panic!("expected Run for {args:?}, got {other:?}"),
        }
    }

    fn err(args: &[&str]) -> String {
        match parse(&os(args), &no_env) {
            Err(e) => e.message,
            other => panic!("expected an error for {args:?}, got {other:?}"),
        }
    }

    #[test]
    fn no_arguments_reads_stdin_with_empty_argv0() {
        let o = run(&[]);
        assert_eq!(o.target(), Target::Stdin);
        assert_eq!(o.argv, vec![""]);
    }

    #[test]
    fn dash_reads_stdin_and_keeps_dash_in_argv() {
        let o = run(&["-", "a", "b"]);
        assert_eq!(o.target(), Target::Stdin);
        assert_eq!(o.argv, vec!["-", "a", "b"]);
    }

    #[test]
    fn script_path_is_argv0_as_given() {
        let o = run(&["-B", "./x.py", "-c", "z"]);
        assert_eq!(o.target(), Target::File("./x.py".into()));
        assert_eq!(o.argv, vec!["./x.py", "-c", "z"]);
        assert!(o.dont_write_bytecode);
    }

    #[test]
    fn command_ends_options_and_argv0_is_dash_c() {
        let o = run(&["-c", "print(1)", "-V", "--", "x"]);
        assert_eq!(o.target(), Target::Command("print(1)".into()));
        assert_eq!(o.argv, vec!["-c", "-V", "--", "x"]);
    }

    #[test]
    fn grouped_flags_then_command() {
        let o = run(&["-BSc", "code", "a"]);
        assert!(o.dont_write_bytecode && o.no_site);
        assert_eq!(o.target(), Target::Command("code".into()));
        assert_eq!(o.argv, vec!["-c", "a"]);
        let o = run(&["-uc", "code"]);
        assert!(o.unbuffered);
        assert_eq!(o.target(), Target::Command("code".into()));
    }

    #[test]
    fn glued_command_text() {
        let o = run(&["-cprint(2)", "x"]);
        assert_eq!(o.target(), Target::Command("print(2)".into()));
        assert_eq!(o.argv, vec!["-c", "x"]);
    }

    #[test]
    fn module_argv0_is_dash_m() {
        let o = run(&["-m", "json.tool", "f.json"]);
        assert_eq!(o.target(), Target::Module("json.tool".into()));
        assert_eq!(o.argv, vec!["-m", "f.json"]);
        let o = run(&["-mfoo"]);
        assert_eq!(o.target(), Target::Module("foo".into()));
        assert_eq!(o.argv, vec!["-m"]);
    }

    #[test]
    fn double_dash_ends_options() {
        let o = run(&["--", "-c"]);
        assert_eq!(o.target(), Target::File("-c".into()));
        assert_eq!(o.argv, vec!["-c"]);
        let o = run(&["--"]);
        assert_eq!(o.target(), Target::Stdin);
        assert_eq!(o.argv, vec![""]);
    }

    #[test]
    fn xoptions_separate_and_glued_in_order() {
        let o = run(&["-X", "dev", "-Xutf8=1", "-Ximporttime", "f.py"]);
        assert_eq!(o.xoptions, vec!["dev", "utf8=1", "importtime"]);
        assert_eq!(o.argv, vec!["f.py"]);
    }

    #[test]
    fn optimize_counts() {
        assert_eq!(run(&["-O", "f.py"]).optimize, 1);
        assert_eq!(run(&["-OO", "f.py"]).optimize, 2);
        assert_eq!(run(&["-O", "-O", "-O", "f.py"]).optimize, 3);
    }

    #[test]
    fn isolated_implies_ignore_environment() {
        let o = run(&["-I", "f.py"]);
        assert!(o.isolated && o.ignore_environment && o.no_user_site);
        let o = run(&["-E", "f.py"]);
        assert!(o.ignore_environment && !o.isolated);
    }

    #[test]
    fn version_and_help() {
        let p = |a: &[&str]| parse(&os(a), &no_env);
        assert_eq!(p(&["-V"]), Ok(Command::Version(1)));
        assert_eq!(p(&["--version"]), Ok(Command::Version(1)));
        assert_eq!(p(&["-VV"]), Ok(Command::Version(2)));
        assert_eq!(p(&["-V", "--version"]), Ok(Command::Version(2)));
        // -V wins over -c, as in CPython, but is just an argument after it.
        assert_eq!(p(&["-V", "-c", "x"]), Ok(Command::Version(1)));
        assert_eq!(p(&["-h"]), Ok(Command::Help(HelpTopic::Usage)));
        assert_eq!(p(&["-?"]), Ok(Command::Help(HelpTopic::Usage)));
        assert_eq!(p(&["--help"]), Ok(Command::Help(HelpTopic::Usage)));
        assert_eq!(p(&["-Bh"]), Ok(Command::Help(HelpTopic::Usage)));
        assert_eq!(p(&["--help-env"]), Ok(Command::Help(HelpTopic::Env)));
        assert_eq!(p(&["--help-all"]), Ok(Command::Help(HelpTopic::All)));
        assert_eq!(
            p(&["--help-xoptions"]),
            Ok(Command::Help(HelpTopic::XOptions))
        );
        // Options after the script are the script's.
        assert!(matches!(p(&["f.py", "-V"]), Ok(Command::Run(_))));
    }

    #[test]
    fn errors_use_cpython_messages() {
        assert_eq!(err(&["-z"]), "Unknown option: -z");
        assert_eq!(err(&["-Bz"]), "Unknown option: -z");
        assert_eq!(err(&["-V", "-z"]), "Unknown option: -z");
        assert_eq!(err(&["--foo"]), "unknown option --foo");
        assert_eq!(err(&["--version=1"]), "unknown option --version=1");
        assert_eq!(err(&["-c"]), "Argument expected for the -c option");
        assert_eq!(err(&["-m"]), "Argument expected for the -m option");
        assert_eq!(err(&["-X"]), "Argument expected for the -X option");
        assert_eq!(err(&["-BW"]), "Argument expected for the -W option");
        assert_eq!(err(&["-J"]), "-J is reserved for Jython");
        assert_eq!(
            err(&["--check-hash-based-pycs"]),
            "Argument expected for the --check-hash-based-pycs options"
        );
        assert_eq!(
            err(&["--check-hash-based-pycs", "sometimes"]),
            "--check-hash-based-pycs must be one of 'default', 'always', or 'never'"
        );
        assert_eq!(err(&["-é"]), "Unknown option: -é");
    }

    #[test]
    fn usage_error_text_matches_cpython_layout() {
        let text = usage_error_text(&UsageError::new("Unknown option: -z"), "pyrs");
        assert_eq!(
            text,
            "Unknown option: -z\n\
             usage: pyrs [option] ... [-c cmd | -m mod | file | -] [arg] ...\n\
             Try `python -h' for more information.\n"
        );
    }

    #[test]
    fn help_all_is_usage_env_xoptions() {
        let all = help_text(HelpTopic::All, "pyrs");
        assert!(all.starts_with("usage: pyrs [option]"));
        assert!(all.contains("\n\nEnvironment variables that change behavior:\n"));
        assert!(all.ends_with(help_text(HelpTopic::XOptions, "pyrs").as_str()));
    }

    #[test]
    fn check_hash_based_pycs_takes_next_argument() {
        let o = run(&["--check-hash-based-pycs", "always", "f.py"]);
        assert_eq!(o.check_hash_based_pycs.as_deref(), Some("always"));
        assert_eq!(o.argv, vec!["f.py"]);
    }

    #[test]
    fn warnings_and_other_accepted_flags() {
        let o = run(&["-Wignore", "-W", "error", "-bbdqsvRtP", "f.py"]);
        assert_eq!(o.warnoptions, vec!["ignore", "error"]);
        assert_eq!(o.bytes_warning, 2);
        assert!(o.no_user_site && o.safe_path);
        assert_eq!((o.verbose, o.quiet, o.parser_debug), (1, 1, 1));
    }

    #[test]
    fn environment_variables_unless_e_or_i() {
        let env = |name: &str| match name {
            "PYTHONDONTWRITEBYTECODE" => Some("1".to_string()),
            "PYTHONOPTIMIZE" => Some("2".to_string()),
            "PYTHONUNBUFFERED" => Some("yes".to_string()),
            "PYTHONWARNINGS" => Some("ignore,default".to_string()),
            _ => None,
        };
        let parse_env = |a: &[&str]| match parse(&os(a), &env) {
            Ok(Command::Run(o)) => o,
            other => panic!("{other:?}"),
        };
        let o = parse_env(&["-Werror", "f.py"]);
        assert!(o.dont_write_bytecode && o.unbuffered);
        assert_eq!(o.optimize, 2);
        assert_eq!(o.warnoptions, vec!["ignore", "default", "error"]);
        for flag in ["-E", "-I"] {
            let o = parse_env(&[flag, "f.py"]);
            assert!(!o.dont_write_bytecode && !o.unbuffered);
            assert_eq!(o.optimize, 0);
        }
        // An empty value counts as unset.
        let empty = |_: &str| Some(String::new());
        match parse(&os(&["f.py"]), &empty) {
            Ok(Command::Run(o)) => assert!(!o.dont_write_bytecode),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn env_flag_values() {
        assert_eq!(env_flag(None), 0);
        assert_eq!(env_flag(Some("0".into())), 0);
        assert_eq!(env_flag(Some("3".into())), 3);
        assert_eq!(env_flag(Some("x".into())), 1);
        assert_eq!(env_flag(Some("-2".into())), 1);
    }
}
