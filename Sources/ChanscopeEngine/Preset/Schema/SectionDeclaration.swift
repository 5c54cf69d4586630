/// A top-level mapping of named entries (`channels`, `knobs`, `workers`) and the fields of each.
///
/// The three sections differ only in words and in whether they may be empty, so one decoder
/// walks them all from these declarations.
struct SectionDeclaration<Spec>: Sendable {
    /// What one entry is called in messages: `channel`, `knob`, `group`.
    let noun: String
    /// A sketch of an entry's mapping, for "expected a mapping of NOUN names to SKETCH".
    let sketch: String
    /// An example entry, for "expected a mapping like EXAMPLE".
    let example: String
    /// When the section must not be empty: what to call an entry and an example entry with its
    /// name, for "at least one worker group is needed, e.g. producer: { ... }".
    let needsOne: (noun: String, example: String)?
    /// The fields of each entry.
    let fields: [FieldDeclaration<Spec>]
    /// The entry before its fields are decoded: its name and every default.
    let start: @Sendable (String) -> Spec
}
