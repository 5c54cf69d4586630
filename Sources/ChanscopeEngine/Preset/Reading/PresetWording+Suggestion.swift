extension PresetWording {
    /// `; did you mean "x"?` when one known word is a small typo away from `word`, else "".
    static func suggestion(_ word: String, _ known: [String]) -> String {
        let close = known
            .map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
            .filter { $0.1 <= max(1, min(2, $0.0.count / 3)) }
            .min { $0.1 < $1.1 }
        return close.map { "; did you mean \"\($0.0)\"?" } ?? ""
    }

    /// The edit distance between two short words, counting a swap of neighbours as one edit
    /// (optimal string alignment), since `sned` for `send` is the commonest typo.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = min(best, table[i - 2][j - 2] + 1)
                }
                table[i][j] = best
            }
        }
        return table[a.count][b.count]
    }
}
