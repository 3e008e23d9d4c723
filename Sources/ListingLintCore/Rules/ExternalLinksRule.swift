/// Links and site names outside aliexpress.com.
public struct ExternalLinksRule: Rule {
    public static let description = RuleDescription(
        id: "external-links",
        name: "External links",
        row: "A5-25",
        article: "Management Specification Article 4 1 g) (no external links: links under all non-aliexpress.com domain names, nor the identity of third-party websites); Article 5 row \"The application contains relevant links or instructions to inform or induce users to log in, register and use on platforms other than the platform\"",
        rationale: "A listing may only send members to aliexpress.com. Any other link, bare domain, e-mail domain or IP address sends them off the platform, whatever way it is written.",
        triggers: "URLs with a scheme (also mangled: hxxps://, hppt://, h t t p s : / /), protocol-relative //host, bare domains whose top-level domain is in the Public Suffix List (shop-tools.cn), obfuscated dots (mysite dot com, mysite[.]com, www . shop . cn, example。com, full-width dots), e-mail addresses and IPv4 addresses. Links under aliexpress.com and its subdomains are allowed; file names, version numbers (v2.3.1), Vue.js and localhost without a scheme are not links.",
        fix: "Remove the link. Point buyers to your AliExpress store or service page instead, and keep contact inside AliExpress's own messaging.",
        lexicons: ["links"],
        triggeringExamples: [
            .body("详情见 ↓https://www.example.com/pricing"),
            .body("访问↓shop-tools.cn了解更多"),
            .body("Visit ↓mysite dot com today"),
            .body("Our site: ↓www . shop . cn"),
            .body("Mirror at ↓hxxps://files.example.net"),
            .body("See ↓mysite[.]com"),
            .body("网址：↓ｅｘａｍｐｌｅ．ｃｏｍ"),
            .body("[Docs](↓https://docs.example.org/start)"),
            .body("Mail ↓sales@mystore.io for a quote"),
            .title("Best tool ↓example。com"),
            .body("源文件通过↓百度网盘发送，案例见↓小红书"),
        ],
        nonTriggeringExamples: [
            .body("入驻请访问 https://sell.aliexpress.com/zh/__pc/index.htm"),
            .body("Open seller.aliexpress.com and install the app."),
            .body("Built with Vue.js and Node.js, version v2.3.1 (1.2.3)."),
            .body("Download report.xlsx or setup.exe; see readme.md."),
            .body("仅需29.9元，e.g. 1.5 倍效率"),
            .body("Runs on localhost or 192.168.1.300 in tests."),
        ])

    struct Platforms: Codable, Sendable {
        let third_party_platforms: TermLexicon.ByLanguage?
    }

    public let terms: [LexiconTerm]

    public init(resources: RuleResources) throws {
        let platforms = try resources.lexicons.decode(Platforms.self, from: "links")
        terms = (platforms.third_party_platforms?.all ?? []).map { LexiconTerm($0) }
    }

    public func check(_ input: RuleInput) -> [Violation] {
        var violations: [Violation] = []
        for (fieldIndex, field) in input.fields.enumerated() {
            // A third-party platform named to send buyers there (百度网盘, 小红书, Dropbox).
            for hit in longestFirst(input.hits[fieldIndex]) where !field.links.contains(where: { $0.range.overlaps(hit.range) }) {
                violations.append(Violation(
                    .normalized(field: fieldIndex, range: hit.range),
                    message: Message(
                        en: "third-party platform \"{match}\": Article 4 1 g) forbids the identity of third-party websites in a listing; deliver and communicate through the platform instead",
                        zh: "第三方平台“{match}”：管理规范第四条1 g)禁止在服务中出现第三方网站的标识；请通过平台交付与沟通")))
            }
            for link in field.links where !link.isPlatform {
                let shown = link.host
                violations.append(Violation(
                    .normalized(field: fieldIndex, range: link.range),
                    message: Message(
                        en: "external link to \(shown): Article 4 1 g) allows only links under aliexpress.com; remove it and keep buyers on the platform",
                        zh: "外部链接（\(shown)）：管理规范第四条1 g)只允许aliexpress.com域名下的链接；请删除，引导买家在平台内沟通与交易")))
            }
        }
        return violations
    }
}
