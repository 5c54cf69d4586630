/// Where a rendezvous hand-off through the channel's hand-off slot stands (`ChannelFastPath`).
///
/// A sender holding the send lock posts its message (`empty` to `offered`) and waits; a receiver
/// holding the receive lock claims it (`offered` to `claimed`, a compare-and-swap, so a sender
/// giving up at the same moment cannot also take it back), moves it out and marks it `taken`;
/// the sender sees `taken` and empties the slot. A sender that waited long enough withdraws with
/// the opposite compare-and-swap (`offered` to `empty`) and parks through the state machine.
enum HandoffState: Int {
    case empty = 0
    case offered = 1
    case claimed = 2
    case taken = 3
}
