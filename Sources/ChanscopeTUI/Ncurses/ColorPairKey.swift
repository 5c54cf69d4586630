/// A foreground/background combination, the key of a lazily allocated ncurses colour pair.
struct ColorPairKey: Hashable, Sendable {
    var foreground: Color
    var background: Color
}
