import Channels
import Foundation
import Testing

/// Threads carry their names to the system, so `top -H` and `ps -L` tell workers apart.
@Suite("Joinable thread")
struct JoinableThreadTests {
    #if os(Linux)
    /// The calling thread's name as the system reports it.
    static func currentName() -> String {
        let name = (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)) ?? ""
        return name.trimmingCharacters(in: .newlines)
    }

    @Test("a named thread runs under its name; a long name is cut to 15 bytes", arguments: [
        ("producer-3", "producer-3"),
        ("a-very-long-group-name-7", "a-very-long-gro"),
        ("café-éé-12345", "café-éé-1234"),
    ])
    func namesTheThread(name: String, expected: String) {
        let seen = ResultBox<String>()
        let thread = JoinableThread(name: name) { seen.value = Self.currentName() }
        thread.join()
        #expect(seen.value == expected)
    }
    #endif
}
