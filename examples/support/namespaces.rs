//! What the examples need around the library: the named namespaces they make, deleted again
//! whatever happens. (A folder without `main.rs`, so Cargo does not build it as an example.)

use rtnl_ip::netns::Namespaces;

type Error = Box<dyn std::error::Error>;

/// Named namespaces an example made (`ip netns add`), deleted last first when dropped,
/// whatever happened in between. Links that live in them go with them once nothing holds them.
pub struct Made<'a> {
    namespaces: &'a Namespaces,
    names: Vec<&'static str>,
}

impl<'a> Made<'a> {
    /// Makes each of `names` in turn; the ones made before a failure are deleted again.
    pub fn add(namespaces: &'a Namespaces, names: &[&'static str]) -> Result<Self, Error> {
        let mut made = Made {
            namespaces,
            names: Vec::new(),
        };
        for name in names {
            namespaces.add(name)?;
            made.names.push(name);
        }
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
