import Foundation

/// Cheap byte-level facts that each link pattern needs before it can match at all: most fields
/// have none of them, and skip the pattern's scan.
struct LinkCues {
    var slash = false, doubleSlash = false, at = false, domain = false, digitDotDigit = false
    var any: Bool { slash || at || domain || digitDotDigit }

    init(_ bytes: [UInt8]) {
        let count = bytes.count
        @inline(__always) func isLetter(_ byte: UInt8) -> Bool { (byte >= 0x61 && byte <= 0x7A) || byte >= 0xC0 }
        @inline(__always) func isLabel(_ byte: UInt8) -> Bool {
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F || byte >= 0x80
        }
        var index = 0
        while index < count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "/"):
                slash = true
                if index + 1 < count && bytes[index + 1] == UInt8(ascii: "/") { doubleSlash = true }
            case UInt8(ascii: "@"):
                at = true
            case UInt8(ascii: "."):
                // A dot between a label and a letter ("shop.cn"), or a spaced or bracketed dot.
                let before = index > 0 ? bytes[index - 1] : 0
                let after = index + 1 < count ? bytes[index + 1] : 0
                if isLetter(after) && (isLabel(before) || before == 0x20 || before == UInt8(ascii: "[") || before == UInt8(ascii: "(") || before == UInt8(ascii: "{")) { domain = true }
                if after == 0x20 || after == UInt8(ascii: "]") || after == UInt8(ascii: ")") || after == UInt8(ascii: "}") { if isLabel(before) || before == 0x20 || before == UInt8(ascii: "[") || before == UInt8(ascii: "(") || before == UInt8(ascii: "{") { domain = true } }
                if before >= 0x30 && before <= 0x39 && after >= 0x30 && after <= 0x39 { digitDotDigit = true }
            case UInt8(ascii: "d"):
                if index + 2 < count && bytes[index + 1] == UInt8(ascii: "o") && bytes[index + 2] == UInt8(ascii: "t") { domain = true }
            case 0xE3 where index + 3 < count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x82:  // 。
                if isLetter(bytes[index + 3]) { domain = true }
            case 0xEF where index + 3 < count && bytes[index + 1] == 0xBD && bytes[index + 2] == 0xA1:  // ｡
                if isLetter(bytes[index + 3]) { domain = true }
            case 0xE7 where index + 3 < count && bytes[index + 1] == 0x82 && bytes[index + 2] == 0xB9:  // 点
                if isLetter(bytes[index + 3]) || bytes[index + 3] == 0x20 { domain = true }
            default:
                break
            }
            index += 1
        }
    }
}

/// A link, or the name of a site, found in a normalized text.
public struct DetectedLink: Sendable {
    public let range: Range<Int>
    /// The host as read, in normalized form ("shop.example.cn").
    public let host: String
    /// Under a platform domain (aliexpress.com): allowed.
    public let isPlatform: Bool
}

/// Finds links in normalized text the way a reviewer reads them: by intent, not RFC validity.
/// URLs with a scheme (also mangled: hxxps, hppt, spaced), protocol-relative `//host`, bare
/// domains whose top-level domain is real (Public Suffix List), obfuscated dots (`dot`, `[.]`,
/// `。`, spaced dots), e-mail addresses and IPv4 addresses.
public struct LinkDetector: Sendable {
    private let schemeURL: PCRE2Pattern
    private let protocolRelative: PCRE2Pattern
    private let bareDomain: PCRE2Pattern
    private let email: PCRE2Pattern
    private let mailto: PCRE2Pattern
    private let ipv4: PCRE2Pattern
    private let topLevelDomains: Set<String>
    private let platformDomains: [String]
    private let fileExtensions: Set<String>
    private let notDomains: Set<String>

    struct Data: Codable {
        let public_suffix_list_path: String
        let platform_domains: [String]
        let file_extensions: [String]
        let not_domains: [String]
    }

    static let label = "[a-z0-9\\p{Cyrillic}\\p{Greek}\\p{So}_](?:[a-z0-9\\p{Cyrillic}\\p{Greek}\\p{So}_-]{0,61}[a-z0-9\\p{Cyrillic}\\p{Greek}\\p{So}_])?"
    static let separator = "(?:\\.|。|｡|\\s?(?:\\(dot\\)|\\[dot\\]|\\{dot\\}|<dot>|\\[\\.\\]|\\(\\.\\)|\\{\\.\\})\\s?|\\s(?:dot|点)\\s|点|\\s\\.\\s)"

    public init(lexicons: LexiconStore) throws {
        let data = try lexicons.decode(Data.self, from: "links")
        let listText: String
        do {
            listText = try String(contentsOfFile: data.public_suffix_list_path, encoding: .utf8)
        } catch {
            throw LexiconStore.LoadError(description: "cannot read the Public Suffix List at \(data.public_suffix_list_path): apt-get install publicsuffix")
        }
        var tlds = Set<String>()
        for line in listText.split(separator: "\n") {
            let rule = line.trimmingCharacters(in: .whitespaces)
            if rule.isEmpty || rule.hasPrefix("//") { continue }
            let last = rule.split(separator: ".").last.map(String.init) ?? rule
            let cleaned = last.trimmingCharacters(in: CharacterSet(charactersIn: "!*"))
            if !cleaned.isEmpty { tlds.insert(cleaned.lowercased()) }
        }
        guard tlds.count > 1000 else {
            throw LexiconStore.LoadError(description: "the Public Suffix List at \(data.public_suffix_list_path) holds only \(tlds.count) top-level domains")
        }
        topLevelDomains = tlds
        platformDomains = data.platform_domains.map { $0.lowercased() }
        fileExtensions = Set(data.file_extensions.map { $0.lowercased() })
        notDomains = Set(data.not_domains)

        let hostStop = "[^\\s/?#<>\"'()\\[\\]{}，。、：；！？（）【】《》“”‘’]"
        // Scheme, also mangled (hxxps, hppt, htp) and spaced ("https : //").
        schemeURL = try PCRE2Pattern(
            "(?<![a-z0-9])(?:h[tx]{1,2}ps?|hp{1,2}ts?|ftps?)\\s?[:：]\\s?/\\s?/\\s?(\(hostStop)*)((?:[/?#][^\\s<>\"'，。、；！？）】》“”\\p{Han}\\p{Hiragana}\\p{Katakana}\\p{Hangul}]*)?)")
        protocolRelative = try PCRE2Pattern("(?<![:/a-z0-9])//((?:localhost|[a-z0-9][a-z0-9_-]*(?:\\.[a-z0-9_-]+)+)(?::\\d+)?)(?![a-z0-9_-])")
        bareDomain = try PCRE2Pattern(
            "(?<![a-z0-9_@.\\-/\\\\$#])((?:\(LinkDetector.label)\(LinkDetector.separator))+)(?=(\\p{L}{2,63}|xn--[a-z0-9-]{1,59})(?![a-z0-9_]))")
        mailto = try PCRE2Pattern("(?<![a-z0-9])mailto:[^\\s@<>\"'()\\[\\]]+@[^\\s<>\"'()\\[\\]]+")
        email = try PCRE2Pattern("[a-z0-9._%+-]+@((?:[a-z0-9-]+\\.)+[a-z]{2,63})(?![a-z0-9])")
        ipv4 = try PCRE2Pattern("(?<![a-z0-9.])(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?![a-z0-9]|\\.\\d)")
    }

    static func isPrivate(_ address: String) -> Bool {
        let parts = address.split(separator: ".").compactMap { Int($0) }
        guard parts.count == 4 else { return false }
        return parts[0] == 10 || parts[0] == 127 || parts[0] == 0 || (parts[0] == 192 && parts[1] == 168)
            || (parts[0] == 172 && (16...31).contains(parts[1])) || (parts[0] == 169 && parts[1] == 254)
    }

    public func isPlatform(host: String) -> Bool {
        platformDomains.contains { host == $0 || host.hasSuffix("." + $0) }
    }

    public func links(in text: NormalizedText, source: String, scratch: RegexScratch) -> [DetectedLink] {
        let cues = LinkCues(text.bytes)
        guard cues.any else { return [] }
        var found: [DetectedLink] = []
        func overlaps(_ range: Range<Int>) -> Bool { found.contains { $0.range.overlaps(range) } }
        func add(_ range: Range<Int>, host: String) {
            guard !overlaps(range) else { return }
            // A look-alike of the platform's domain is not the platform.
            let sourceRange = text.sourceRange(of: range)
            let sourceBytes = source.utf8
            let lower = sourceBytes.index(sourceBytes.startIndex, offsetBy: min(sourceRange.lowerBound, sourceBytes.count))
            let upper = sourceBytes.index(sourceBytes.startIndex, offsetBy: min(sourceRange.upperBound, sourceBytes.count))
            let asciiSource = sourceBytes[lower..<upper].allSatisfy { $0 < 0x80 }
            found.append(DetectedLink(range: range, host: host, isPlatform: asciiSource && isPlatform(host: host)))
        }
        text.bytes.withUnsafeBufferPointer { bytes in
            if cues.slash { schemeURL.forEachMatch(in: bytes, scratch: scratch) { match, groups in
                guard let hostRange = groups.first ?? nil else { return }
                let host = cleanHost(text.text(in: hostRange))
                // "http://" with no name after it points nowhere.
                guard host.unicodeScalars.contains(where: { $0.properties.isAlphabetic || ("0"..."9").contains($0) }) else { return }
                add(trimTrailingPunctuation(match, in: bytes), host: host)
            }
            }
            if cues.doubleSlash { protocolRelative.forEachMatch(in: bytes, scratch: scratch) { match, groups in
                guard let hostRange = groups.first ?? nil else { return }
                add(match, host: cleanHost(text.text(in: hostRange)))
            }
            }
            if cues.at { mailto.forEachMatch(in: bytes, scratch: scratch) { match, _ in
                add(trimTrailingPunctuation(match, in: bytes), host: text.text(in: match))
            }
            }
            if cues.at { email.forEachMatch(in: bytes, scratch: scratch) { match, groups in
                guard let hostRange = groups.first ?? nil else { return }
                let host = text.text(in: hostRange)
                guard let tld = host.split(separator: ".").last, topLevelDomains.contains(String(tld)) else { return }
                add(match, host: host)
            }
            }
            if cues.domain { bareDomain.forEachMatch(in: bytes, scratch: scratch) { match, groups in
                guard let labelsRange = groups[0], let tldRange = groups[1] else { return }
                // Look-alike folding can turn an IDN top-level domain (рф) into Latin: try the source too.
                let sourceTLD = text.sourceRange(of: tldRange)
                let sourceText = String(decoding: Array(source.utf8)[sourceTLD.clamped(to: 0..<source.utf8.count)], as: UTF8.self).lowercased()
                guard let (tld, tldEnd) = validTopLevelDomain(text.text(in: tldRange), startingAt: tldRange.lowerBound)
                    ?? validTopLevelDomain(sourceText, startingAt: tldRange.lowerBound).map({ ($0.0, tldRange.upperBound) }) else { return }
                let labels = text.text(in: labelsRange)
                let host = canonicalHost(labels) + tld
                let labelList = host.split(separator: ".")
                guard labelList.count >= 2 else { return }
                if labelList.count == 2 && fileExtensions.contains(tld) { return }
                if notDomains.contains(host) { return }
                // Purely numeric labels are a version or an address, not a site name.
                if labelList.dropLast().allSatisfy({ $0.allSatisfy(\.isNumber) }) { return }
                add(match.lowerBound..<tldEnd, host: host)
            }
            }
            if cues.digitDotDigit { ipv4.forEachMatch(in: bytes, scratch: scratch) { match, _ in
                let address = text.text(in: match)
                // A private or loopback address names no site unless it is used as one (a path or port follows).
                let followedByPath = match.upperBound < bytes.count && (bytes[match.upperBound] == UInt8(ascii: "/") || bytes[match.upperBound] == UInt8(ascii: ":"))
                if LinkDetector.isPrivate(address) && !followedByPath { return }
                add(match, host: address)
            }
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The longest real top-level domain at the start of `candidate`; an ASCII one must be the
    /// whole ASCII run ("com" in "com中国語", not "co" in "comm").
    private func validTopLevelDomain(_ candidate: String, startingAt offset: Int) -> (String, Int)? {
        let scalars = Array(candidate.unicodeScalars)
        guard let first = scalars.first else { return nil }
        if first.isASCII {
            let ascii = String(String.UnicodeScalarView(scalars.prefix { $0.isASCII }))
            guard topLevelDomains.contains(ascii) else { return nil }
            return (ascii, offset + ascii.utf8.count)
        }
        var length = scalars.count
        while length >= 1 {
            let prefix = String(String.UnicodeScalarView(scalars.prefix(length)))
            if topLevelDomains.contains(prefix) { return (prefix, offset + prefix.utf8.count) }
            length -= 1
        }
        return nil
    }

    /// Labels with their obfuscated separators turned back into dots ("mysite dot " → "mysite.").
    private func canonicalHost(_ labels: String) -> String {
        // Plain "shop.example." (the common case) needs no rewriting.
        if labels.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D || $0 == 0x5F }) {
            return labels
        }
        var host = labels
        for token in ["(dot)", "[dot]", "{dot}", "<dot>", "[.]", "(.)", "{.}", " dot ", " 点 ", " . ", "。", "｡", "点"] {
            host = host.replacingOccurrences(of: token, with: ".")
        }
        return host.replacingOccurrences(of: " ", with: "")
    }

    private func cleanHost(_ host: String) -> String {
        var text = host
        if let at = text.lastIndex(of: "@") { text = String(text[text.index(after: at)...]) }
        if let colon = text.firstIndex(of: ":") { text = String(text[..<colon]) }
        return text
    }

    /// A sentence's closing punctuation is not part of the URL before it.
    private func trimTrailingPunctuation(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var upper = range.upperBound
        while upper > range.lowerBound + 1, ".,;:!?'\")]}*".utf8.contains(bytes[upper - 1]) { upper -= 1 }
        return range.lowerBound..<upper
    }
}
