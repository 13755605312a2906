//! What the examples need around the library: the named namespaces they make, deleted again
//! whatever happens, and their `main`. (A folder without `main.rs`, so Cargo does not build it
//! as an example.)

use std::io::Write;

use rtnl_ip::netns::Namespaces;

/// What an example's steps fail with.
pub type Error = Box<dyn std::error::Error>;

/// Named namespaces an example made (`ip netns add`), deleted last first when dropped,
/// whatever happened in between. Links that live in them go with them once nothing holds them.
pub struct Made<'a> {
    namespaces: &'a Namespaces,
    names: Vec<&'static str>,
}

impl<'a> Made<'a> {
    /// Makes each of `names` in turn, then says so on `out`; the ones made before a failure are
    /// deleted again.
    pub fn add(
        namespaces: &'a Namespaces,
        names: &[&'static str],
        out: &mut dyn Write,
    ) -> Result<Self, Error> {
        let mut made = Made {
            namespaces,
            names: Vec::new(),
        };
        for name in names {
            namespaces.add(name)?;
            made.names.push(name);
        }
        writeln!(out, "created namespaces {}", names.join(" and "))?;
        Ok(made)
    }

    /// Deletes them now, last first; the first failure is the error.
    pub fn delete(mut self) -> Result<(), Error> {
        for name in self.names.drain(..).rev() {
            self.namespaces.delete(name)?;
        }
        Ok(())
    }
}

impl Drop for Made<'_> {
    fn drop(&mut self) {
        for name in self.names.drain(..).rev() {
            if let Err(e) = self.namespaces.delete(name) {
                eprintln!("cleanup: {e}");
            }
        }
    }
}

/// An example's `main`: `run` with the system's run dir for named namespaces (`/run/netns`),
/// writing its steps to stdout; a failure goes to stderr after `name`, and the exit code is 1.
pub fn main(name: &str, run: fn(&str, &mut dyn Write) -> Result<(), Error>) {
    let mut stdout = std::io::stdout();
    if let Err(e) = run(rtnl_ip::sys::DEFAULT_RUN_DIR, &mut stdout) {
        eprintln!("{name}: {e}");
        std::process::exit(1);
    }
}
