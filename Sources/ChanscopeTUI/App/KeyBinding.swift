/// One row of the key table: the keys, what they do, and the help text shown for them.
///
/// The footer and the `?` overlay are generated from the same table that maps keys to actions,
/// so the help can never drift from the behaviour.
public struct KeyBinding: Sendable {
    /// The keys that trigger it.
    public var keys: [Key]
    /// How the keys are written in help, e.g. `←/→`.
    public var label: String
    /// Help text, e.g. `adjust slider`.
    public var help: String
    /// A shorter text for the footer, or nil to leave it out of the footer.
    public var footer: String?
    /// The action; `nil` for a row that only documents (the kind keys share one row).
    public var action: @Sendable (Key) -> Action?

    public init(keys: [Key], label: String, help: String, footer: String? = nil, action: @escaping @Sendable (Key) -> Action?) {
        self.keys = keys
        self.label = label
        self.help = help
        self.footer = footer
        self.action = action
    }

    /// A binding whose keys all do the same thing.
    public init(_ keys: [Key], _ label: String, _ help: String, footer: String? = nil, does action: Action) {
        self.init(keys: keys, label: label, help: help, footer: footer, action: { _ in action })
    }
}
