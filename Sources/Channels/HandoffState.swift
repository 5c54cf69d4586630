/// Where a rendezvous hand-off through the channel's hand-off slot stands (`ChannelFastPath`).
///
/// A sender holding the send lock posts its message (`empty` to `offered`) and waits; a receiver
/// holding the receive lock claims it (`offered` to `claimed`, a compare-and-swap, so a sender
/// giving up at the same moment cannot also take it back), moves it out and empties the slot;
/// the sender, the only one who posts, knows its offer was taken when it sees `empty` again (the
/// receiver's write is the last on the line, so the next offer costs no extra round trip). A
/// sender that waited long enough withdraws with the opposite compare-and-swap (`offered` to
/// `empty`) and parks through the state machine.
enum HandoffState: Int {
    case empty = 0
    case offered = 1
    case claimed = 2
}
