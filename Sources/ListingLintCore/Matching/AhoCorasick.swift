/// A multi-literal matcher: an Aho–Corasick automaton compiled into a full DFA over byte classes,
/// so the scan is one table lookup per input byte whatever the number of words.
/// Reports every occurrence of every pattern, overlapping ones included.
public struct AhoCorasick: Sendable {
    public struct Match: Sendable, Equatable {
        public let pattern: Int
        public let range: Range<Int>
    }

    private let byteClass: [UInt8]
    private let classCount: Int
    private let transitions: [Int32]
    /// For each state, a slice of `outputPatterns`: the patterns ending there.
    private let outputStart: [Int32]
    private let outputPatterns: [Int32]
    private let patternLengths: [Int32]

    public var patternCount: Int { patternLengths.count }

    public init(patterns: [[UInt8]]) {
        // Byte classes: bytes that appear in no pattern share one class; each other byte its own.
        var classOf = [UInt8](repeating: 0, count: 256)
        var used = [Bool](repeating: false, count: 256)
        for pattern in patterns { for byte in pattern { used[Int(byte)] = true } }
        var next = 1
        for byte in 0..<256 where used[byte] {
            classOf[byte] = UInt8(truncatingIfNeeded: next)
            next += 1
        }
        // More than 255 distinct bytes cannot happen with one class reserved for "other"
        // unless every byte is used; fall back to identity classes then.
        if next > 256 {
            for byte in 0..<256 { classOf[byte] = UInt8(byte) }
            next = 256
        }
        let classes = next

        // Trie.
        var goto: [[Int32]] = [[Int32](repeating: -1, count: classes)]
        var outputs: [[Int32]] = [[]]
        for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var state = 0
            for byte in pattern {
                let cls = Int(classOf[Int(byte)])
                if goto[state][cls] < 0 {
                    goto[state][cls] = Int32(goto.count)
                    goto.append([Int32](repeating: -1, count: classes))
                    outputs.append([])
                }
                state = Int(goto[state][cls])
            }
            outputs[state].append(Int32(index))
        }

        // Breadth-first failure links, folded into a complete DFA.
        var fail = [Int32](repeating: 0, count: goto.count)
        var queue: [Int] = []
        for cls in 0..<classes {
            let target = goto[0][cls]
            if target < 0 {
                goto[0][cls] = 0
            } else {
                fail[Int(target)] = 0
                queue.append(Int(target))
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            outputs[state] += outputs[Int(fail[state])]
            for cls in 0..<classes {
                let target = goto[state][cls]
                if target < 0 {
                    goto[state][cls] = goto[Int(fail[state])][cls]
                } else {
                    fail[Int(target)] = goto[Int(fail[state])][cls]
                    queue.append(Int(target))
                }
            }
        }

        var flat = [Int32]()
        flat.reserveCapacity(goto.count * classes)
        for row in goto { flat.append(contentsOf: row) }
        var starts = [Int32]()
        var flatOutputs = [Int32]()
        starts.reserveCapacity(goto.count + 1)
        for list in outputs {
            starts.append(Int32(flatOutputs.count))
            flatOutputs.append(contentsOf: list)
        }
        starts.append(Int32(flatOutputs.count))

        self.byteClass = classOf
        self.classCount = classes
        self.transitions = flat
        self.outputStart = starts
        self.outputPatterns = flatOutputs
        self.patternLengths = patterns.map { Int32($0.count) }
    }

    /// Every occurrence of every pattern in `text`, in order of their end offsets.
    public func matches(in text: UnsafeBufferPointer<UInt8>) -> [Match] {
        var found: [Match] = []
        var state = 0
        transitions.withUnsafeBufferPointer { table in
            byteClass.withUnsafeBufferPointer { classes in
                outputStart.withUnsafeBufferPointer { starts in
                    for position in 0..<text.count {
                        let cls = Int(classes[Int(text[position])])
                        state = Int(table[state &* classCount &+ cls])
                        let first = Int(starts[state])
                        let last = Int(starts[state &+ 1])
                        if first != last {
                            for slot in first..<last {
                                let pattern = Int(outputPatterns[slot])
                                let end = position + 1
                                found.append(Match(pattern: pattern, range: (end - Int(patternLengths[pattern]))..<end))
                            }
                        }
                    }
                }
            }
        }
        return found
    }

    public func matches(in bytes: [UInt8]) -> [Match] {
        bytes.withUnsafeBufferPointer { matches(in: $0) }
    }
}
