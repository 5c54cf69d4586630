/// A rendezvous sender's message waiting for a receiver to take it.
///
/// Offers are not in the queue: a rendezvous holds no message, so the message is accepted only
/// at the moment a receiver takes it, and depth stays 0. The ticket lets the sender find out
/// whether its own offer was taken.
struct Offer<Element> {
    var ticket: UInt64
    var element: Element
}
