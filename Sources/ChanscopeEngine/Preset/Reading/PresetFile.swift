#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a preset file's text without trusting what kind of file it is.
///
/// A preset path comes from the user or from a folder listing, and either may name something
/// that is not a text file: a FIFO (reading it would wait for a writer forever), `/dev/zero`
/// behind a symlink (reading it would grow without end), a directory, a file of many megabytes,
/// or a file saved as UTF-16. Each is refused with one line before it can hang or exhaust
/// anything: the path is checked with `stat` (which follows symlinks), opened non-blocking so a
/// FIFO that slipped in between cannot block, checked again with `fstat` on the open descriptor,
/// and read up to one byte past `PresetLimits.fileBytes`.
enum PresetFile {
    /// The text of the file at `path`, or why it is not read.
    static func contents(of path: String, limit: Int = PresetLimits.fileBytes) -> Result<String, PresetFileRefusal> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(.system(errno)) }
        if let refusal = refusal(for: info, limit: limit) { return .failure(refusal) }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.system(errno)) }
        defer { close(descriptor) }
        guard fstat(descriptor, &info) == 0 else { return .failure(.system(errno)) }
        if let refusal = refusal(for: info, limit: limit) { return .failure(refusal) }
        return readBytes(descriptor, limit: limit).flatMap(PresetText.decode)
    }

    /// Why a file with this status is not read, or `nil` when it is a regular file within the limit.
    static func refusal(for info: stat, limit: Int) -> PresetFileRefusal? {
        guard info.st_mode & S_IFMT == S_IFREG else { return .notRegular(kindName(info.st_mode)) }
        return Int(info.st_size) > limit ? .tooLarge(limit: limit) : nil
    }

    /// At most `limit` bytes from the descriptor; more than that is refused, since a file may
    /// grow between `fstat` and the last read.
    static func readBytes(_ descriptor: Int32, limit: Int) -> Result<[UInt8], PresetFileRefusal> {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.system(errno))
            }
            if count == 0 { return .success(bytes) }
            bytes.append(contentsOf: buffer[0..<count])
            if bytes.count > limit { return .failure(.tooLarge(limit: limit)) }
        }
    }

    /// The file kind in words, for the one line that refuses it.
    static func kindName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "a directory"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: "not a regular file"
        }
    }
}
