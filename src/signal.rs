//! Signals. SIGINT, SIGTERM and SIGHUP are caught on a thread of their own (signal-hook) and
//! turned into flags that the driver reads between lines and statements, plus an interrupt
//! of the running SQLite statement. The only place besides `main` that ends the process: a
//! signal that arrives while the main thread is blocked (reading input at a prompt or from
//! a pipe, writing to a pipe nobody reads) can reach it no other way. Also who holds the
//! terminal: a pager or an editor runs as the terminal's foreground job
//! (`spawn_foreground`), so its keys (Ctrl-C) are its own, and a SIGTERM or SIGHUP that
//! ends scoql ends it too instead of leaving it on the terminal beside the shell.

use std::fs::{File, OpenOptions};
use std::io;
use std::os::fd::AsRawFd;
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, ExitStatus};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::time::{Duration, Instant};

use rusqlite::{Connection, InterruptHandle};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

use crate::error::End;

/// Ctrl-C (or SIGINT) since the driver last cleared it.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);
/// SIGTERM or SIGHUP: its number, 0 when none came. Never cleared: the process ends.
static TERMINATED: AtomicI32 = AtomicI32::new(0);
/// The main thread is blocked reading a line of input.
static READING: AtomicBool = AtomicBool::new(false);
/// The REPL is running: SIGINT then cancels, it never ends the process.
static INTERACTIVE: AtomicBool = AtomicBool::new(false);
/// Set by whichever thread ends the process first, so the other does not race it.
static EXITING: AtomicBool = AtomicBool::new(false);
/// Interrupts the statement running on the current connection.
static HANDLE: Mutex<Option<InterruptHandle>> = Mutex::new(None);
/// The process group of the child that has the terminal (`spawn_foreground`); 0: none.
static FOREGROUND: AtomicI32 = AtomicI32::new(0);
/// The terminal's settings before the line editor changed them, restored on a signal exit.
static TERMINAL: Mutex<Option<libc::termios>> = Mutex::new(None);

/// Starts the signal thread. Failing to install it (no threads left) leaves the default
/// signal behaviour, which still ends the process.
pub fn install() {
    // The flags are set inside the handler itself, before the signal thread even wakes: a
    // signal that arrived while the main thread was blocked (writing a result) is seen by
    // the check it makes as soon as it returns, before the next statement.
    for sig in [SIGINT, SIGTERM, SIGHUP] {
        // SAFETY: the action only stores to atomics, which is async-signal-safe.
        let _ = unsafe { signal_hook::low_level::register(sig, move || mark(sig)) };
    }
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    let _ = std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for sig in signals.forever() {
                on_signal(sig);
            }
        });
}

/// Records a signal in the flags the driver reads. Runs in the signal handler (and again
/// on the signal thread): atomic stores only.
fn mark(sig: i32) {
    if sig != SIGINT {
        TERMINATED.store(sig, Ordering::SeqCst);
    }
    INTERRUPTED.store(true, Ordering::SeqCst);
}

fn on_signal(sig: i32) {
    mark(sig);
    let end = if sig == SIGINT {
        End::Interrupted
    } else {
        End::Terminated(sig)
    };
    let child = FOREGROUND.load(Ordering::SeqCst);
    if sig != SIGINT && child > 0 {
        // The main thread waits for the child; passed on, the signal ends the wait too.
        // A stopped child would keep the signal pending: continue it to take it.
        // SAFETY: kill has no memory effects; the group is our child's own.
        unsafe {
            libc::kill(-child, sig);
            libc::kill(-child, libc::SIGCONT);
        }
    }
    if let Ok(slot) = HANDLE.lock()
        && let Some(handle) = slot.as_ref()
    {
        handle.interrupt();
    }
    // The flags above are stored before READING is loaded, and the main thread stores
    // READING before it loads the flags (both SeqCst): so either the main thread sees the
    // signal before it blocks, or this thread sees it blocked and ends the process.
    let is_cancel_only = end == End::Interrupted && INTERACTIVE.load(Ordering::SeqCst);
    if is_cancel_only {
        return;
    }
    if READING.load(Ordering::SeqCst) {
        exit_now(end);
        return;
    }
    // The main thread is busy: it sees the flags between statements and SQLite stops the
    // running one. If it is stuck where neither reaches (a write to a pipe nobody reads),
    // the signal still ends the process after a grace period, as the default action would.
    let deadline = Instant::now() + GRACE;
    while !EXITING.load(Ordering::SeqCst) {
        let now = Instant::now();
        if now >= deadline {
            exit_now(end);
            return;
        }
        std::thread::park_timeout(deadline - now);
    }
}

/// How long a terminating signal waits for the main thread to wind down by itself.
const GRACE: Duration = Duration::from_secs(2);

fn exit_now(end: End) {
    if EXITING.swap(true, Ordering::SeqCst) {
        return;
    }
    let child = FOREGROUND.load(Ordering::SeqCst);
    if child > 0 {
        // It did not end within the grace period; it must not outlive scoql on the terminal,
        // which goes back to scoql's group (whose parent shell may read it next).
        // SAFETY: as in `on_signal`.
        unsafe { libc::kill(-child, libc::SIGKILL) };
        if let Ok(tty) = OpenOptions::new().read(true).write(true).open("/dev/tty") {
            take_terminal(tty.as_raw_fd());
        }
    }
    restore_terminal();
    // SIGINT is reported as the driver reports it; SIGTERM and SIGHUP end quietly, as a
    // killed sqlite3 does.
    if end == End::Interrupted {
        crate::error::report(&crate::error::Error::Interrupted);
    }
    // The one exit outside main.rs: the main thread is blocked in a read that no flag can
    // wake, and every result written so far was flushed before that read began.
    std::process::exit(end.status(false));
}

/// Called once by `main` before it exits: if the signal thread is already ending the
/// process, this thread waits for it instead of racing it with another exit.
pub fn claim_exit() {
    if EXITING.swap(true, Ordering::SeqCst) {
        loop {
            std::thread::park();
        }
    }
}

/// The connection whose statements a signal interrupts (called whenever it changes).
pub fn watch(conn: &Connection) {
    if let Ok(mut slot) = HANDLE.lock() {
        *slot = Some(conn.get_interrupt_handle());
    }
}

/// The REPL is (or is no longer) running.
pub fn set_interactive(on: bool) {
    INTERACTIVE.store(on, Ordering::SeqCst);
}

/// True when a SIGINT (or a terminating signal) came since the last `clear_interrupt`.
pub fn is_interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}

pub fn clear_interrupt() {
    INTERRUPTED.store(false, Ordering::SeqCst);
}

/// The terminating signal that came (SIGTERM, SIGHUP), if any.
pub fn terminated() -> Option<i32> {
    match TERMINATED.load(Ordering::SeqCst) {
        0 => None,
        sig => Some(sig),
    }
}

/// What a signal that came means for the run, checked by the driver between steps.
pub fn pending() -> Option<End> {
    if let Some(sig) = terminated() {
        return Some(End::Terminated(sig));
    }
    is_interrupted().then_some(End::Interrupted)
}

/// Runs a blocking read of input: a signal during it ends the process (or, for SIGINT at
/// the prompt, is left for the driver). A signal that came just before is returned instead.
pub fn while_reading<T>(read: impl FnOnce() -> T) -> Result<T, End> {
    READING.store(true, Ordering::SeqCst);
    let before = if INTERACTIVE.load(Ordering::SeqCst) {
        terminated().map(End::Terminated)
    } else {
        pending()
    };
    if let Some(end) = before {
        READING.store(false, Ordering::SeqCst);
        return Err(end);
    }
    let value = read();
    READING.store(false, Ordering::SeqCst);
    Ok(value)
}

/// Saves the terminal's settings (stdin) before the line editor takes it over.
pub fn save_terminal() {
    // SAFETY: tcgetattr fills the struct it is given; an error leaves nothing saved.
    unsafe {
        let mut t: libc::termios = std::mem::zeroed();
        if libc::tcgetattr(libc::STDIN_FILENO, &mut t) == 0
            && let Ok(mut slot) = TERMINAL.lock()
        {
            *slot = Some(t);
        }
    }
}

fn restore_terminal() {
    if let Ok(slot) = TERMINAL.lock()
        && let Some(t) = slot.as_ref()
    {
        // SAFETY: `t` came from tcgetattr on the same descriptor; failure is harmless.
        // SIGTTOU is blocked meanwhile: were scoql's group not in the foreground, the
        // signal would stop the process that is about to exit.
        without_ttou(|| unsafe {
            libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, t);
        });
    }
}

/// A child that has the terminal: a process group of its own, made the terminal's
/// foreground group, as a shell runs a job. Ctrl-C and the other keys signal it and not
/// scoql; a SIGTERM or SIGHUP that ends scoql is passed on to its whole group (a pager run
/// through `sh -c` is a grandchild). Without a terminal that scoql's group holds, the child
/// is spawned as it is.
pub struct Foreground {
    child: Child,
    tty: Option<File>,
}

/// Spawns `cmd` as the terminal's foreground job (see [`Foreground`]).
/// Errors: those of `Command::spawn`.
pub fn spawn_foreground(cmd: &mut Command) -> io::Result<Foreground> {
    // SAFETY: tcgetpgrp and getpgrp only read.
    let tty = OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .ok()
        .filter(|t| unsafe { libc::tcgetpgrp(t.as_raw_fd()) == libc::getpgrp() });
    if let Some(t) = &tty {
        let fd = t.as_raw_fd();
        // SAFETY: between fork and exec the closure makes only async-signal-safe calls. A
        // process outside the foreground group that sets it is sent SIGTTOU unless it
        // ignores it, and exec keeps an ignored signal ignored: hence the default after.
        unsafe {
            cmd.pre_exec(move || {
                libc::setpgid(0, 0);
                libc::signal(libc::SIGTTOU, libc::SIG_IGN);
                libc::tcsetpgrp(fd, libc::getpid());
                libc::signal(libc::SIGTTOU, libc::SIG_DFL);
                Ok(())
            });
        }
    }
    let child = cmd.spawn()?;
    if tty.is_some() {
        // spawn returns once the child has run the closure above and exec'd.
        FOREGROUND.store(child.id() as i32, Ordering::SeqCst);
    }
    Ok(Foreground { child, tty })
}

impl Foreground {
    /// Waits for the child to end, then takes the terminal back. A child that stops
    /// (Ctrl-Z in less or vi stops only its own group) stops scoql's group too, as the key
    /// did before the child had a group of its own, so that the shell gets the terminal
    /// back; when scoql is continued (`fg`), so is the child, with the terminal.
    pub fn wait(&mut self) -> io::Result<ExitStatus> {
        let Some(tty) = &self.tty else {
            return self.child.wait();
        };
        let fd = tty.as_raw_fd();
        let pid = self.child.id() as libc::pid_t;
        let status = loop {
            let mut status = 0;
            // SAFETY: waitpid on our own child, into a local.
            let got = unsafe { libc::waitpid(pid, &mut status, libc::WUNTRACED) };
            if got < 0 {
                let e = io::Error::last_os_error();
                if e.kind() == io::ErrorKind::Interrupted {
                    continue;
                }
                self.release();
                return Err(e);
            }
            if !libc::WIFSTOPPED(status) {
                break status;
            }
            take_terminal(fd);
            // SAFETY: signals to our own group (stopping it until `fg`), then to the
            // child's group; tcsetpgrp on a descriptor we own.
            unsafe {
                libc::kill(0, libc::SIGTSTP);
                libc::tcsetpgrp(fd, pid);
                libc::kill(-pid, libc::SIGCONT);
            }
        };
        self.release();
        // The Ctrl-C that ended the child was meant for scoql too (the shells' rule): it
        // only reached the child because the child had the terminal.
        if libc::WIFSIGNALED(status) && libc::WTERMSIG(status) == libc::SIGINT {
            INTERRUPTED.store(true, Ordering::SeqCst);
        }
        Ok(std::os::unix::process::ExitStatusExt::from_raw(status))
    }

    fn release(&mut self) {
        let Some(tty) = self.tty.take() else {
            return;
        };
        FOREGROUND.store(0, Ordering::SeqCst);
        take_terminal(tty.as_raw_fd());
    }
}

/// Makes scoql's group the foreground group of the terminal `fd` again. SIGTTOU, which a
/// background group setting the foreground group would get, is blocked meanwhile.
fn take_terminal(fd: libc::c_int) {
    // SAFETY: a plain call on a descriptor we own.
    without_ttou(|| unsafe {
        libc::tcsetpgrp(fd, libc::getpgrp());
    });
}

/// Runs `f` with SIGTTOU blocked in this thread, then restores the thread's mask.
fn without_ttou(f: impl FnOnce()) {
    // SAFETY: sigemptyset and sigaddset initialise the set they are given; the masks are
    // this thread's own, and the old one is put back as it was.
    unsafe {
        let mut block: libc::sigset_t = std::mem::zeroed();
        let mut old: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut block);
        libc::sigaddset(&mut block, libc::SIGTTOU);
        libc::pthread_sigmask(libc::SIG_BLOCK, &block, &mut old);
        f();
        libc::pthread_sigmask(libc::SIG_SETMASK, &old, std::ptr::null_mut());
    }
}

impl std::ops::Deref for Foreground {
    type Target = Child;
    fn deref(&self) -> &Child {
        &self.child
    }
}

impl std::ops::DerefMut for Foreground {
    fn deref_mut(&mut self) -> &mut Child {
        &mut self.child
    }
}

impl Drop for Foreground {
    fn drop(&mut self) {
        self.release();
    }
}
