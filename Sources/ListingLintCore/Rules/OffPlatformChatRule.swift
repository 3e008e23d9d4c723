/// Contact channels outside the platform: QQ, WeChat (and its homophones), WhatsApp, phone numbers …
public struct OffPlatformChatRule: Rule {
    public static let description = RuleDescription(
        id: "off-platform-chat",
        name: "Off-platform chat and contact",
        row: "A5-30",
        article: "Management Specification Article 4 2 f) 5 (communicate only through Alibaba Wangwang; non-Wangwang chat tools such as \"QQ\" and \"YY\" shall not appear) and Article 4 2 b) (no guiding transactions outside the market); Article 5 row \"Provide or guide members to channel orders and transactions of goods outside Taobao …\"",
        rationale: "A contact channel outside the platform takes the conversation, and then the order, off the platform, where the member has no protection and the platform no record.",
        triggers: "A chat tool of Lexicons/off-platform-chat.yml (QQ, QQ号, QQ群, 扣扣, YY, WeChat, 微信, 加微, VX, V信, 薇信, 威信, WhatsApp, Telegram, Skype, LINE ID …), a mobile number of the mainland (also spaced or dashed: 138 1234 5678, +86), Taiwan (0912-345-678) or Hong Kong (+852 9123 4567), or a QQ number after Q:, QQ or 扣扣. Not: product line, online, deadline, Wangwang/旺旺, 增加微距, dates or order amounts.",
        fix: "Remove the contact and tell buyers to contact you through AliExpress's own messaging (Wangwang).",
        lexicons: ["off-platform-chat"],
        triggeringExamples: [
            .body("详情请↓加微信咨询，或↓QQ: 12345678"),
            .body("↓加薇信领取资料，↓V信同号"),
            .body("Contact us on ↓WeChat or ↓WhatsApp"),
            .body("手机：↓138 1234 5678，↓139-8765-4321"),
            .body("手機：↓0912-345-678，香港 ↓+852 9123 4567"),
            .body("↓扣扣：987654321"),
            .body("Add ↓Q Q group for updates"),
            .body("↓LINE ID: shopbot"),
            .body("↓Q: 2345678 for support"),
            .body("报名热线 ↓5123 4567，客服电话：↓0571-8888 6666，电话：↓一三八 五七一二 六六八八"),
            .body("档期咨询↓球球：2038475611，↓🐧群：738291045，可以↓＋V：mumu"),
            .body("加 ↓LINE 官方帳號 @shop_tw，或↓加賴：shop88，↓威信：ops_tw168"),
            .body("↓Pay us directly by bank transfer; 走↓站外转账可优惠"),
        ],
        nonTriggeringExamples: [
            .body("Covers the whole product line and online deadline tracking."),
            .body("请通过旺旺联系我们，增加微距镜头拍摄"),
            .body("订单金额 12800 元，2024-01-15 发货，SKU 20231115"),
            .body("統一編號 12345678，公司登记号 5123 4567，product line 3"),
            .body("Reply within 24 hours via Wangwang."),
            .body("帮助店铺树立专业威信：统一售后话术；扣扣子的细节特写"),
        ])

    public let terms: [LexiconTerm]
    private let phone: PCRE2Pattern
    private let qqNumber: PCRE2Pattern
    private let lineID: PCRE2Pattern
    private let labelledPhone: PCRE2Pattern
    private let homophoneID: PCRE2Pattern

    public init(resources: RuleResources) throws {
        let lexicon = try resources.lexicons.decode(TermLexicon.self, from: "off-platform-chat")
        terms = lexicon.terms.all.map { LexiconTerm($0) } + (lexicon.allow?.all ?? []).map { LexiconTerm($0, kind: .allow) }
        // Mobile numbers: mainland (11 digits from 13–19, optional +86), Taiwan (09xx-xxx-xxx or
        // +886 9xx…) and Hong Kong (+852 and 8 digits from 5–9), with optional separators.
        phone = try PCRE2Pattern(
            "(?<![0-9.])(?:(?:\\+?86[\\s-]?)?1[3-9][0-9](?:[\\s\\-.]?[0-9]){8}"
            + "|(?:\\+?886[\\s-]?|0)9[0-9]{2}[\\s-]?[0-9]{3}[\\s-]?[0-9]{3}"
            + "|\\+?852[\\s-]?[5-9][0-9]{3}[\\s-]?[0-9]{4})(?![0-9])")
        // A QQ number: 5–12 digits after QQ, Q, 扣扣 or 企鹅, with an optional 号/群 and colon.
        // "LINE: id", "LINE ID: id", "LINE 官方帳號 @id": the messenger, written in capitals (a
        // product "line:" is not).
        lineID = try PCRE2Pattern("(?<![a-z0-9])line\\s?(?:(?:id|官方账号|官方帐号|账号|帐号)\\s?[:：]?\\s?@?|[:：]\\s?@?|@)[a-z0-9_.-]{3,}")
        // 威信 also means "prestige": it is a contact only with an ID after it (威信：shop_88).
        homophoneID = try PCRE2Pattern("威信\\s?(?:号)?\\s?[:：]?\\s?[a-z0-9][a-z0-9_.-]{3,}")
        // Any phone number introduced as one (电话, 热线, phone, tel …): landlines and foreign
        // mobiles are off-platform contacts too once the text says they are a number to call.
        labelledPhone = try PCRE2Pattern("(?:电话|热线|手机|联系电话|座机|致电|来电|拨打|tel|phone|call|hotline)\\s?(?:号码)?\\s?[:：]?\\s?((?:\\+?[0-9]{1,3}[\\s-]?)?(?:\\(?[0-9]{2,4}\\)?[\\s-]?)?[0-9]{3,4}[\\s-]?[0-9]{4}(?![0-9])|[零〇一二三四五六七八九](?:[\\s-]?[零〇一二三四五六七八九]){6,11})")
        qqNumber = try PCRE2Pattern("(?:(?<![a-z0-9])qq?|扣扣|企鹅|球球|🐧)\\s?(?:号码|号|群)?\\s?[:：]?\\s?[1-9][0-9]{4,11}(?![0-9])")
    }

    public func check(_ input: RuleInput) -> [Violation] {
        var violations: [Violation] = []
        for (fieldIndex, field) in input.fields.enumerated() {
            var ranges = input.hits[fieldIndex].map(\.range)
            // Both patterns need a run of at least five digits.
            // The patterns need a run of five digits, or a number spelled in Chinese numerals after a label.
            if OffPlatformChatRule.hasDigitRun(field.normalized.bytes, length: 5)
                || field.normalized.bytes.contains(bytes: OffPlatformChatRule.phoneWord)
                || field.normalized.bytes.contains(bytes: OffPlatformChatRule.mobileWord) {
                field.normalized.bytes.withUnsafeBufferPointer { bytes in
                    labelledPhone.forEachMatch(in: bytes, scratch: input.scratch) { _, groups in
                        if let number = groups[0] { ranges.append(number) }
                    }
                    phone.forEachMatch(in: bytes, scratch: input.scratch) { match, _ in ranges.append(match) }
                    qqNumber.forEachMatch(in: bytes, scratch: input.scratch) { match, _ in ranges.append(match) }
                }
            }
            if field.normalized.bytes.count >= 8 {
                field.normalized.bytes.withUnsafeBufferPointer { bytes in
                    homophoneID.forEachMatch(in: bytes, scratch: input.scratch) { match, _ in ranges.append(match) }
                    lineID.forEachMatch(in: bytes, scratch: input.scratch) { match, _ in
                        let source = field.normalized.sourceRange(of: match)
                        let written = field.field.text.utf8.dropFirst(source.lowerBound).prefix(4)
                        if written.elementsEqual("LINE".utf8) { ranges.append(match) }
                    }
                }
            }
            // A channel and the ID or number right after it ("WhatsApp: +86 139…") are one finding.
            for range in mergeOverlapping(ranges, bridging: field.normalized.bytes) where !field.links.contains(where: { $0.range.overlaps(range) }) {
                violations.append(Violation(
                    .normalized(field: fieldIndex, range: range),
                    message: Message(
                        en: "off-platform contact \"{match}\": Article 4 2 f) 5 allows communication only through Alibaba Wangwang; remove it and let buyers reach you on the platform",
                        zh: "站外联系方式“{match}”：管理规范第四条2 f) 5要求仅通过阿里旺旺沟通；请删除，引导买家在平台内联系")))
            }
        }
        return violations
    }
}

extension OffPlatformChatRule {
    static let phoneWord = Array("电".utf8)
    static let mobileWord = Array("手机".utf8)

    /// Digits, allowing one blank, dash or dot between them, at least `length` long.
    static func hasDigitRun(_ bytes: [UInt8], length: Int) -> Bool {
        var run = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x30 && byte <= 0x39 {
                run += 1
                if run >= length { return true }
            } else if !(run > 0 && (byte == 0x20 || byte == 0x2D || byte == 0x2E)) {
                run = 0
            }
            index += 1
        }
        return false
    }
}

/// Overlapping or touching ranges merged, in order; with `bridging`, also ranges separated only
/// by up to three blanks, colons or dashes of that text.
func mergeOverlapping(_ ranges: [Range<Int>], bridging text: [UInt8]? = nil) -> [Range<Int>] {
    let sorted = ranges.sorted { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
    var merged: [Range<Int>] = []
    func bridged(_ from: Int, _ to: Int) -> Bool {
        guard let text, to - from <= 3, to <= text.count else { return false }
        return text[from..<to].allSatisfy { $0 == 0x20 || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "-") }
    }
    for range in sorted {
        if let last = merged.last, range.lowerBound <= last.upperBound || bridged(last.upperBound, range.lowerBound) {
            merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
        } else {
            merged.append(range)
        }
    }
    return merged
}
