/**
 * Who the add-in is, as manifest.xml says (`<Id>`, `<Version>`): files reference the add-in by
 * these. A test holds them equal to the manifest, so change both together.
 */
export const ADDIN_ID = "3df9512d-853e-4a85-9fc1-2c3bda582889";
export const ADDIN_VERSION = "0.1.0.0";
