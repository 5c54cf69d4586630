import Glibc

/// The kernel's words for a transport's errors, as the screen and the CSV name them.
enum KernelErrors {
    /// What a write gets when the other end is gone: a pipe's or stream's `EPIPE`, a datagram
    /// socket's `ECONNREFUSED` (its reader's socket closed), `ECONNRESET`, `ENOTCONN`.
    static let peerGone: Set<Int32> = [EPIPE, ECONNREFUSED, ECONNRESET, ENOTCONN]

    /// The symbolic name of `code` (`EPIPE`), or its number when it is not one of the transport's.
    static func name(_ code: Int32) -> String {
        switch code {
        case EPIPE: "EPIPE"
        case ECONNREFUSED: "ECONNREFUSED"
        case ECONNRESET: "ECONNRESET"
        case ENOTCONN: "ENOTCONN"
        case EAGAIN: "EAGAIN"
        case EPROTO: "EPROTO"
        case EMSGSIZE: "EMSGSIZE"
        case EBADF: "EBADF"
        case EPERM: "EPERM"
        case EBUSY: "EBUSY"
        case EINVAL: "EINVAL"
        default: "errno \(code)"
        }
    }
}
