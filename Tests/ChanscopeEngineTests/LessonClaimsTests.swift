import Channels
import ChanscopeEngine
import Foundation
import Testing

/// Every claim a preset's lesson makes, as a test (the "Truth at a glance" issue): a lesson that
/// says "do X and Y happens" has a test here that does X and checks Y, in the screen's words
/// (the channel's situation word, the workers' states, the panel's counters).
///
/// One serialized suite, spread over `LessonClaims*.swift` by preset: the claims are about
/// timing, and two of them at once on a small machine would only measure each other. Each run
/// uses faster waits than the preset's (same shape, same ratios) to stay within a few seconds.
@Suite("Lesson claims", .serialized)
struct LessonClaims {
}
