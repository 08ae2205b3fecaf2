//! Acceptance checks of the command line as a whole process: `-c`, a program
//! on stdin, `sys.argv` in each mode, `-V`, a missing script and bad options.
//! programs.rs runs them next to the programs, so that they count in the same
//! "N passed, N failed" line. Every expected text here was checked against
//! CPython 3.11.7 (run with PYRS_TEST_BINARY set to CPython's real executable
//! to re-check); where CPython prints its own name, the expectation is the
//! binary's path as invoked, because that is what CPython prints.

use std::path::PathBuf;
use std::time::Duration;

use super::Outcome;

/// Success, or a readable description of what went wrong.
pub type Check = Result<(), String>;

/// A named check.
pub type NamedCheck = (&'static str, fn() -> Check);

const TIMEOUT: Duration = Duration::from_secs(30);

/// Every check, by name, in the order they are reported.
pub const CHECKS: &[NamedCheck] = &[
    ("command_prints_big_int", command_prints_big_int),
    ("program_from_stdin", program_from_stdin),
    (
        "program_from_stdin_without_final_newline",
        program_from_stdin_without_final_newline,
    ),
    (
        "argv_for_stdin_is_empty_string",
        argv_for_stdin_is_empty_string,
    ),
    (
        "argv_for_dash_keeps_dash_and_arguments",
        argv_for_dash_keeps_dash_and_arguments,
    ),
    (
        "argv_for_command_starts_with_dash_c",
        argv_for_command_starts_with_dash_c,
    ),
    ("grouped_flags_before_command", grouped_flags_before_command),
    (
        "argv_for_script_is_path_as_given",
        argv_for_script_is_path_as_given,
    ),
    ("exit_status_from_command", exit_status_from_command),
    ("version_flags", version_flags),
    ("help_goes_to_stdout", help_goes_to_stdout),
    ("missing_script", missing_script),
    (
        "double_dash_makes_next_argument_the_script",
        double_dash_makes_next_argument_the_script,
    ),
    ("unknown_options", unknown_options),
    (
        "options_missing_their_argument",
        options_missing_their_argument,
    ),
    ("non_utf8_program_on_stdin", non_utf8_program_on_stdin),
    ("site_and_sys_path_by_option", site_and_sys_path_by_option),
];

/// Run the binary under test with `args` and optional stdin, from `cwd`.
fn run_in(cwd: Option<&PathBuf>, args: &[&str], stdin: Option<&[u8]>) -> Result<Outcome, String> {
    let mut cmd = super::python_command();
    cmd.args(args);
    if let Some(dir) = cwd {
        cmd.current_dir(dir);
    }
    super::run_with_timeout(&mut cmd, stdin, TIMEOUT)
        .map_err(|e| format!("cannot run {:?}: {e}", super::binary_under_test()))
}

fn run(args: &[&str], stdin: Option<&str>) -> Result<Outcome, String> {
    run_in(None, args, stdin.map(str::as_bytes))
}

/// Compare the whole outcome, showing all three parts on failure.
fn expect(o: &Outcome, stdout: &str, stderr: &str, code: i32) -> Check {
    let got = (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
        o.code,
    );
    let want = (stdout.to_string(), stderr.to_string(), Some(code));
    if got == want {
        return Ok(());
    }
    Err(format!(
        "(stdout, stderr, exit status) differ; the child ended with {}\n  \
         expected: {want:?}\n       got: {got:?}",
        o.ending()
    ))
}

fn ensure(cond: bool, message: impl FnOnce() -> String) -> Check {
    if cond {
        Ok(())
    } else {
        Err(message())
    }
}

fn program_name() -> String {
    super::binary_under_test().to_string_lossy().into_owned()
}

fn usage_error(message: &str) -> String {
    format!(
        "{message}\nusage: {} [option] ... [-c cmd | -m mod | file | -] [arg] ...\n\
         Try `python -h' for more information.\n",
        program_name()
    )
}

fn command_prints_big_int() -> Check {
    let o = run(&["-c", "print(2**100)"], None)?;
    expect(&o, "1267650600228229401496703205376\n", "", 0)
}

fn program_from_stdin() -> Check {
    let o = run(&[], Some("print(\"hi\", 6*7)\n"))?;
    expect(&o, "hi 42\n", "", 0)
}

fn program_from_stdin_without_final_newline() -> Check {
    let o = run(&[], Some("x = 5\nprint(x * x)"))?;
    expect(&o, "25\n", "", 0)
}

fn argv_for_stdin_is_empty_string() -> Check {
    let o = run(&[], Some("import sys; print(sys.argv)\n"))?;
    expect(&o, "['']\n", "", 0)
}

fn argv_for_dash_keeps_dash_and_arguments() -> Check {
    let o = run(&["-", "a", "b"], Some("import sys; print(sys.argv)\n"))?;
    expect(&o, "['-', 'a', 'b']\n", "", 0)
}

fn argv_for_command_starts_with_dash_c() -> Check {
    let code = "import sys; print(sys.argv)";
    let o = run(&["-c", code, "x", "-V", "--"], None)?;
    expect(&o, "['-c', 'x', '-V', '--']\n", "", 0)
}

fn grouped_flags_before_command() -> Check {
    let o = run(&["-BSc", "import sys; print(sys.argv[1:])", "-u"], None)?;
    expect(&o, "['-u']\n", "", 0)?;
    let o = run(&["-uc", "print('unbuffered')"], None)?;
    expect(&o, "unbuffered\n", "", 0)
}

fn argv_for_script_is_path_as_given() -> Check {
    let dir = super::programs_dir();
    let o = run_in(Some(&dir), &["-B", "./sys_argv.py", "x", "7"], None)?;
    expect(
        &o,
        "['./sys_argv.py', 'x', '7']\n3\n./sys_argv.py\n'x'\n'7'\n14\n",
        "",
        0,
    )
}

fn exit_status_from_command() -> Check {
    let o = run(&["-c", "import sys; sys.exit(3)"], None)?;
    expect(&o, "", "", 3)?;
    let o = run(&["-c", "import sys; sys.exit('bye')"], None)?;
    expect(&o, "", "bye\n", 1)
}

fn version_flags() -> Check {
    for flag in ["-V", "--version"] {
        let o = run(&[flag], None)?;
        expect(&o, "Python 3.11.7\n", "", 0)?;
    }
    // -V is honoured even before -c, which then does not run.
    let o = run(&["-V", "-c", "print('not run')"], None)?;
    expect(&o, "Python 3.11.7\n", "", 0)?;
    // Twice: more build information, still one line.
    let o = run(&["-VV"], None)?;
    let text = String::from_utf8_lossy(&o.stdout);
    ensure(
        text.starts_with("Python 3.11.7 (") && text.lines().count() == 1 && o.code == Some(0),
        || format!("-VV printed {text:?}, {}", o.ending()),
    )
}

fn help_goes_to_stdout() -> Check {
    let o = run(&["-h"], None)?;
    let text = String::from_utf8_lossy(&o.stdout);
    let first = format!(
        "usage: {} [option] ... [-c cmd | -m mod | file | -] [arg] ...\n",
        program_name()
    );
    ensure(
        text.starts_with(&first)
            && text.contains("\n-X opt : set implementation-specific option\n")
            && o.code == Some(0)
            && o.stderr.is_empty(),
        || format!("-h printed {text:?}, {}", o.ending()),
    )
}

fn missing_script() -> Check {
    let dir = std::env::temp_dir().join(format!("pyrs-cli-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {dir:?}: {e}"))?;
    // The child's getcwd() is the resolved path; CPython prints that.
    let real = dir.canonicalize().map_err(|e| e.to_string());
    let outcome = match &real {
        Ok(real) => run_in(Some(real), &["nope/missing.py", "arg"], None),
        Err(e) => Err(e.clone()),
    };
    let _ = std::fs::remove_dir(&dir);
    let (real, o) = (real?, outcome?);
    let expected = format!(
        "{}: can't open file '{}/nope/missing.py': [Errno 2] No such file or directory\n",
        program_name(),
        real.display()
    );
    expect(&o, "", &expected, 2)
}

fn double_dash_makes_next_argument_the_script() -> Check {
    let dir = super::programs_dir()
        .canonicalize()
        .map_err(|e| format!("tests/programs: {e}"))?;
    let o = run_in(Some(&dir), &["--", "-c"], None)?;
    let expected = format!(
        "{}: can't open file '{}/-c': [Errno 2] No such file or directory\n",
        program_name(),
        dir.display()
    );
    expect(&o, "", &expected, 2)
}

fn unknown_options() -> Check {
    expect(
        &run(&["-z"], None)?,
        "",
        &usage_error("Unknown option: -z"),
        2,
    )?;
    expect(
        &run(&["-Bz"], None)?,
        "",
        &usage_error("Unknown option: -z"),
        2,
    )?;
    expect(
        &run(&["--foo"], None)?,
        "",
        &usage_error("unknown option --foo"),
        2,
    )
}

fn options_missing_their_argument() -> Check {
    for opt in ["-c", "-m", "-X", "-W"] {
        let message = format!("Argument expected for the {opt} option");
        expect(&run(&[opt], None)?, "", &usage_error(&message), 2)?;
    }
    Ok(())
}

fn non_utf8_program_on_stdin() -> Check {
    let o = run_in(None, &[], Some(b"x = 1\ny = '\xff'\n"))?;
    expect(
        &o,
        "",
        "SyntaxError: Non-UTF-8 code starting with '\\xff' in file <stdin> on line 2, \
         but no encoding declared; see https://peps.python.org/pep-0263/ for details\n",
        1,
    )
}

/// sys.path as getpath builds it, `site` adding site-packages unless -S,
/// and -I/-P/-s as sys.flags and site report them.
fn site_and_sys_path_by_option() -> Check {
    let show = "import sys; print(sys.path[0] == '', 'site' in sys.modules, \
                sys.flags.no_site, [p.rsplit('/', 1)[-1] for p in sys.path])";
    let o = run(&["-c", show], None)?;
    expect(
        &o,
        "True True 0 ['', 'python311.zip', 'python3.11', 'lib-dynload', 'site-packages']\n",
        "",
        0,
    )?;
    let o = run(&["-S", "-c", show], None)?;
    expect(
        &o,
        "True False 1 ['', 'python311.zip', 'python3.11', 'lib-dynload']\n",
        "",
        0,
    )?;
    let flags = "import sys; print(sys.path[0].endswith('python311.zip'), \
                 sys.flags.no_user_site, sys.flags.safe_path, sys.flags.isolated)";
    expect(&run(&["-I", "-c", flags], None)?, "True 1 True 1\n", "", 0)?;
    expect(&run(&["-P", "-c", flags], None)?, "True 0 True 0\n", "", 0)?;
    let user = "import sys, site; print(sys.flags.no_user_site, site.ENABLE_USER_SITE)";
    expect(&run(&["-s", "-c", user], None)?, "1 False\n", "", 0)
}
