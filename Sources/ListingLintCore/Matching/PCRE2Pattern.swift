import CPCRE2

/// A compiled, JIT-compiled PCRE2 pattern. The compiled code is immutable after construction and
/// PCRE2 documents it as safe to share between threads; all mutable match state lives in a
/// `RegexScratch` that each thread owns.
public final class PCRE2Pattern: @unchecked Sendable {
    public struct CompileError: Error, CustomStringConvertible {
        public let pattern: String
        public let offset: Int
        public let message: String
        public var description: String { "invalid pattern at offset \(offset): \(message): \(pattern)" }
    }

    public let source: String
    private let code: OpaquePointer
    /// Number of capture groups: every match reports this many, unset ones as nil.
    public let captureCount: Int

    public init(_ pattern: String, caseless: Bool = false) throws {
        var options = UInt32(PCRE2_UTF) | UInt32(PCRE2_UCP)
        if caseless { options |= UInt32(PCRE2_CASELESS) }
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        let compiled = pattern.utf8CString.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            buffer.baseAddress!.withMemoryRebound(to: UInt8.self, capacity: buffer.count) { pointer in
                pcre2_compile_8(pointer, buffer.count - 1, options, &errorCode, &errorOffset, nil)
            }
        }
        guard let compiled else {
            var message = [UInt8](repeating: 0, count: 256)
            let length = pcre2_get_error_message_8(errorCode, &message, message.count)
            let text = String(decoding: message.prefix(max(0, Int(length))), as: UTF8.self)
            throw CompileError(pattern: pattern, offset: errorOffset, message: text)
        }
        // JIT failure is not fatal: the interpreter gives the same answers, only slower.
        _ = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE))
        var count: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
        self.captureCount = Int(count)
        self.code = compiled
        self.source = pattern
    }

    deinit { pcre2_code_free_8(code) }

    /// Calls `body` with the byte range of every match (and the ranges of its capture groups,
    /// `nil` for groups that did not take part) in `subject`, which must be valid UTF-8.
    /// Returns false when the match limit stopped the scan: the caller reports the text as
    /// unscanned rather than silently clean.
    @discardableResult
    public func forEachMatch(
        in subject: UnsafeBufferPointer<UInt8>, scratch: RegexScratch,
        _ body: (_ match: Range<Int>, _ groups: [Range<Int>?]) -> Void
    ) -> Bool {
        guard let base = subject.baseAddress else { return true }
        var start = 0
        let options = UInt32(PCRE2_NO_UTF_CHECK)
        while start <= subject.count {
            let rc = pcre2_match_8(code, base, subject.count, start, options, scratch.matchData, scratch.context)
            if rc == PCRE2_ERROR_NOMATCH { return true }
            if rc < 0 { return false }
            let ovector = pcre2_get_ovector_pointer_8(scratch.matchData)!
            let pairs = Int(rc == 0 ? RegexScratch.capacity : UInt32(rc))
            let matchStart = Int(ovector[0])
            let matchEnd = Int(ovector[1])
            var groups: [Range<Int>?] = []
            if captureCount > 0 {
                groups.reserveCapacity(captureCount)
                for index in 1...captureCount {
                    guard index < pairs else { groups.append(nil); continue }
                    let lower = ovector[2 * index]
                    let upper = ovector[2 * index + 1]
                    groups.append(lower == PCRE2_UNSET_VALUE ? nil : Int(lower)..<Int(upper))
                }
            }
            body(matchStart..<matchEnd, groups)
            if matchEnd > matchStart {
                start = matchEnd
            } else {
                // Empty match: step over one whole UTF-8 scalar, never into its middle.
                var next = matchEnd + 1
                while next < subject.count && (base[next] & 0xC0) == 0x80 { next += 1 }
                start = next
            }
        }
        return true
    }

    /// The first match at or after `offset`, if any.
    public func firstMatch(in subject: UnsafeBufferPointer<UInt8>, scratch: RegexScratch) -> Range<Int>? {
        var found: Range<Int>?
        guard let base = subject.baseAddress else { return nil }
        let rc = pcre2_match_8(code, base, subject.count, 0, UInt32(PCRE2_NO_UTF_CHECK), scratch.matchData, scratch.context)
        if rc >= 0, let ovector = pcre2_get_ovector_pointer_8(scratch.matchData) {
            found = Int(ovector[0])..<Int(ovector[1])
        }
        return found
    }

    public func matches(_ text: String, scratch: RegexScratch) -> Bool {
        var copy = text
        return copy.withUTF8 { firstMatch(in: $0, scratch: scratch) != nil }
    }
}

/// `PCRE2_UNSET` is a macro Swift cannot import.
let PCRE2_UNSET_VALUE = ~Int(0)

/// Per-thread match state: match data, and a match context whose limits stop a pathological
/// pattern with an error instead of hanging the process.
public final class RegexScratch {
    static let capacity: UInt32 = 32
    let matchData: OpaquePointer
    let context: OpaquePointer

    public init(matchLimit: UInt32 = 1_000_000, depthLimit: UInt32 = 10_000) {
        matchData = pcre2_match_data_create_8(RegexScratch.capacity, nil)
        context = pcre2_match_context_create_8(nil)
        pcre2_set_match_limit_8(context, matchLimit)
        pcre2_set_depth_limit_8(context, depthLimit)
    }

    deinit {
        pcre2_match_data_free_8(matchData)
        pcre2_match_context_free_8(context)
    }
}
