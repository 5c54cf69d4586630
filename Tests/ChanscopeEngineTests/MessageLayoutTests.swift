import Testing

@testable import ChanscopeEngine

/// A queued message costs its size once per message: an unbounded channel holding a million
/// of them must stay a few tens of megabytes (with the channel's 8-byte stamp beside it).
@Suite struct MessageLayoutTests {
    @Test func aMessageIsSixteenBytesInline() {
        #expect(MemoryLayout<Message>.stride == 16)
        #expect(_isPOD(Message.self), "no reference counting per message")
    }
}
