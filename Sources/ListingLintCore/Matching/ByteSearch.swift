extension Array where Element == UInt8 {
    /// Whether `needle` occurs in these bytes (a plain scan: the texts are a listing's fields).
    func contains(bytes needle: [UInt8]) -> Bool {
        guard let first = needle.first, count >= needle.count else { return false }
        var index = 0
        while index <= count - needle.count {
            if self[index] == first && self[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
