/// Absolute advertising claims (最好, 第一, No.1, best, unique …).
public struct AbsoluteTermsRule: Rule {
    public static let description = RuleDescription(
        id: "absolute-terms",
        name: "Absolute terms",
        row: "A5-08",
        article: "Management Specification Article 4 1 f) (no exaggerated propaganda such as \"unique\" and \"excellent\"); Article 5 row \"Other violations of relevant laws and regulations such as advertising law (… absolute terms …)\"; PRC Advertising Law Article 9 (3)",
        rationale: "The Advertising Law forbids absolute terms (国家级, 最高级, 最佳 and the like) and the Management Specification forbids exaggerated claims such as \"unique\" and \"excellent\". A listing that claims to be the best, first or only service earns a service block.",
        triggers: "A word of Lexicons/absolute-terms.yml in the title, the description, the provider name or a plan name, after normalization (so 最 好, ＮＯ．１, N0.1, 頂級 and BeSt count), unless it sits inside an allowed compound (第一步, 最近, best practices, unique visitors …).",
        fix: "State the fact instead of the rank: replace \"最好的ERP\" with what the tool does (\"支持20个店铺同步\"), \"No.1\" with a verifiable figure and its source, or remove the word.",
        lexicons: ["absolute-terms"],
        triggeringExamples: [
            .body("我们是↓最好的店铺运营团队"),
            .body("↓全网最低价，↓100%满意"),
            .title("↓最 好用的ERP"),
            .title("↓ＮＯ．１ listing tool"),
            .body("The ↓N0.1 choice for sellers, ↓exce11ent and ↓b3st, ↓world\u{2011}class"),
            .body("↓全网第１，↓第1名"),
            .body("我们是↓最**好**的，↓最<b>好</b>的，the ↓b*es*t"),
            .body("業內↓頂級設計團隊"),
            .body("This is the ↓BeSt tool, and ↓excellent support"),
            .body("Rated ↓#1 by sellers, ↓world-class service"),
            .body("↓唯一官方认证的↓万能工具"),
            .body("↓最\u{200B}好 ↓最\u{200B}佳"),
        ],
        nonTriggeringExamples: [
            .body("第一步：安装插件。第一次使用请先授权。详见第一章。"),
            .body("最近更新：最后一步是导出报表。"),
            .body("最新版本最多支持10个店铺"),
            .body("We follow best practices and do our best to reply within a day."),
            .body("Track unique visitors per listing. Size 3*4 cm, file_name.png, <b>first</b> step."),
            .body("每位学员有唯一的登录账号；a unique discount code per batch; 100%纯棉 label; best-before date."),
            .body("第1步安装，第１次登录，第一堂课，按 100% 比例预览。Teach the present perfect and your unique selling proposition."),
            .body("## 功能介绍\n按第一阶段、第二阶段交付"),
        ])

    private let termCount: Int
    public let terms: [LexiconTerm]

    public init(resources: RuleResources) throws {
        let lexicon = try resources.lexicons.decode(TermLexicon.self, from: "absolute-terms")
        let words = lexicon.terms.all.flatMap(AbsoluteTermsRule.variants)
        let allowed = (lexicon.allow?.all ?? []).flatMap(AbsoluteTermsRule.variants)
        // Uniqueness words are tagged: next to "each", "per" or 每 they describe items, not the service.
        var terms = words.map { LexiconTerm($0, tag: AbsoluteTermsRule.uniquenessWords.contains($0) ? 1 : 0) }
        terms += allowed.map { LexiconTerm($0, kind: .allow) }
        self.terms = terms
        self.termCount = lexicon.terms.all.count
    }

    static let uniquenessWords: Set<String> = ["唯一", "unique", "獨一", "唯一的"]
    static let distributiveCues: [[UInt8]] = ["每", "each", "every", "per"].map { Array($0.utf8) }
    static let dataNouns = ["code", "id", "number", "key", "link", "url", "login", "account", "watermark", "name", "file",
                            "sku", "serial", "token", "identifier", "reference", "translation", "label", "barcode", "tag",
                            "账号", "帐号", "编号", "编码", "码", "号", "链接", "水印", "标识", "登录", "识别", "订单", "名称", "标签"]

    /// "a unique code per batch", "each student gets a unique login", "每位学员有唯一的登录账号": the word
    /// sorts items, it does not rank the service. The cue must be in the same clause, and "is a
    /// unique …" stays a claim ("every image is a unique work of art").
    static func inDistributiveContext(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        func isClauseEnd(_ index: Int) -> Bool {
            let byte = bytes[index]
            if [0x2C, 0x2E, 0x3B, 0x21, 0x3F, 0x0A, 0x3A].contains(byte) { return true }
            // ，。；！？、： (their UTF-8 lead bytes EF BC / E3 80 begin the sequences checked below)
            if index + 2 < bytes.count {
                let triple = (bytes[index], bytes[index + 1], bytes[index + 2])
                return triple == (0xEF, 0xBC, 0x8C) || triple == (0xE3, 0x80, 0x82) || triple == (0xEF, 0xBC, 0x9B)
                    || triple == (0xEF, 0xBC, 0x81) || triple == (0xEF, 0xBC, 0x9F) || triple == (0xE3, 0x80, 0x81)
            }
            return false
        }
        var lower = range.lowerBound
        while lower > 0 && range.lowerBound - lower < 60 && !isClauseEnd(lower - 1) { lower -= 1 }
        var upper = range.upperBound
        while upper < bytes.count && upper - range.upperBound < 60 && !isClauseEnd(upper) { upper += 1 }
        let clause = Array(bytes[lower..<upper])
        let before = String(decoding: bytes[lower..<range.lowerBound], as: UTF8.self)
        if before.hasSuffix("is a ") || before.hasSuffix("is ") || before.hasSuffix("are ") || before.hasSuffix("是") { return false }
        // Only identifiers are handed out one per item ("a unique project code"); "unique designs for
        // every client" is still a claim.
        // or a property an item keeps ("every SKU must be unique", 编码是否唯一: the word ends the clause).
        let after = String(decoding: bytes[range.upperBound..<min(upper, range.upperBound + 30)], as: UTF8.self)
        let predicative = ["be ", "stay ", "stays ", "remain ", "remains ", "保持", "是否"].contains { before.hasSuffix($0) }
        let endsClause = upper - range.upperBound <= 3 || predicative
        guard endsClause || dataNouns.contains(where: { after.contains($0) }) else { return false }
        return distributiveCues.contains { cue in
            guard clause.count >= cue.count else { return false }
            for index in 0...(clause.count - cue.count) where clause[index] == cue[0] && clause[index..<(index + cue.count)].elementsEqual(cue) {
                if cue[0] >= 0x80 { return true }
                let previous = index > 0 ? clause[index - 1] : 0x20
                let next = index + cue.count < clause.count ? clause[index + cue.count] : 0x20
                if !Engine.isWordByte(previous) && !Engine.isWordByte(next) { return true }
            }
            return false
        }
    }

    public func check(_ input: RuleInput) -> [Violation] {
        var violations: [Violation] = []
        for (fieldIndex, hits) in input.hits.enumerated() {
            let field = input.fields[fieldIndex]
            for hit in joinedPhrases(longestFirst(hits), in: field.normalized.bytes) where !field.links.contains(where: { $0.range.overlaps(hit.range) }) {
                if hit.tag == 1 && AbsoluteTermsRule.inDistributiveContext(field.normalized.bytes, hit.range) { continue }
                violations.append(Violation(
                    .normalized(field: fieldIndex, range: hit.range),
                    message: Message(
                        en: "absolute term \"{match}\": the Advertising Law and Article 4 1 f) forbid absolute or exaggerated claims; state a verifiable fact instead",
                        zh: "绝对化用语“{match}”：《广告法》第九条及管理规范第四条1 f)禁止绝对化、夸大宣传；请改为可核实的客观描述")))
            }
        }
        return violations
    }
}

extension AbsoluteTermsRule {
    /// A term and the spellings that dodge a word list without changing what a reader sees: digits
    /// for letters in English words (exce11ent, b3st: each letter class swapped throughout) and an
    /// Arabic 1 for 一 in rankings (第1, 全网第1).
    static func variants(_ term: String) -> [String] {
        var result = [term]
        if term.contains("第一") { result.append(term.replacingOccurrences(of: "第一", with: "第1")) }
        let swaps: [(Character, Character)] = [("l", "1"), ("o", "0"), ("e", "3"), ("a", "4"), ("s", "5"), ("i", "1"), ("t", "7")]
        guard term.unicodeScalars.allSatisfy({ $0.isASCII }), term.count >= 4 else { return result }
        let present = swaps.filter { term.contains($0.0) }.prefix(4)
        guard !present.isEmpty else { return result }
        for mask in 1..<(1 << present.count) {
            var spelled = term
            for (bit, swap) in present.enumerated() where mask & (1 << bit) != 0 {
                spelled = spelled.replacingOccurrences(of: String(swap.0), with: String(swap.1))
            }
            result.append(spelled)
        }
        return result
    }
}

/// English claim words one space apart are one claim ("excellent results guaranteed").
func joinedPhrases(_ hits: [TermHit], in bytes: [UInt8]) -> [TermHit] {
    var joined: [TermHit] = []
    for hit in hits {
        if let last = joined.last, hit.range.lowerBound == last.range.upperBound + 1, bytes[last.range.upperBound] == 0x20,
           last.range.upperBound > 0, bytes[last.range.upperBound - 1] < 0x80, bytes[hit.range.lowerBound] < 0x80 {
            joined[joined.count - 1] = TermHit(term: last.term, tag: last.tag, range: last.range.lowerBound..<hit.range.upperBound)
            continue
        }
        joined.append(hit)
    }
    return joined
}

/// Overlapping hits become one (全网第一 and 第一 → 全网第一; 全网最低 and 最低价 → 全网最低价),
/// in text order; the merged hit keeps the tag of its longest part.
func longestFirst(_ hits: [TermHit]) -> [TermHit] {
    let ordered = hits.sorted { ($0.range.lowerBound, -$0.range.count) < ($1.range.lowerBound, -$1.range.count) }
    var kept: [TermHit] = []
    for hit in ordered {
        if let last = kept.last, last.range.overlaps(hit.range) {
            let longest = hit.range.count > last.range.count ? hit : last
            kept[kept.count - 1] = TermHit(term: longest.term, tag: longest.tag,
                                           range: last.range.lowerBound..<max(last.range.upperBound, hit.range.upperBound))
            continue
        }
        kept.append(hit)
    }
    return kept
}
