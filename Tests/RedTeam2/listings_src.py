# Source of the RedTeam2 listings. Violations are marked inline as ⟦R|text⟧, where R is
# A absolute-terms, B brand-names, L external-links, C off-platform-chat, K keyword-stacking.
# generate.py strips the marks, writes listings/ and expected.yml (occurrences computed from the
# final file bytes). Everything not marked is meant to be fine for a careful reviewer.

L = []


def add(id, fmt, lang, category, title, body, provider=None, brands=None, plans=None, escape=None):
    L.append(dict(id=id, fmt=fmt, lang=lang, category=category, title=title, body=body,
                  provider=provider, brands=brands, plans=plans, escape=escape))


# ---------------------------------------------------------------- en, .md (s-0001 .. s-0020)
add("s-0001", "md", "en", "software", "Order Sync for Cross-Border Stores", """
## Features
- Pulls new orders from your AliExpress store every 10 minutes (API notes: https://open.aliexpress.com/doc/api.htm).
- Every order keeps its unique ID, so nothing is imported twice.
- Dates are shown as YYYY-MM-DD and times in 24h format, e.g. 10:30.
- The dashboard is built with Vue.js and Next.js; the sync server runs on ASP.NET.

## How to use
1. Authorize the store (the first step takes about a minute).
2. Pick the product line you want to sync.
3. Export to orders_2024.csv whenever you need a copy.

We follow best practices for token storage. Questions? Message us on Wangwang.
""", provider="Northwind Apps", brands=["AliExpress"], plans=[("Monthly", 59, "CNY", "month")])

add("s-0002", "md", "en", "software", "⟦A|Best⟧ Listing Translator for Cross-Border Stores", """
## Features
- Translates titles, bullet points and descriptions into Spanish, French, Portuguese and Korean.
- Made for ⟦B|AliExpres⟧ sellers who launch in several markets at once.
- Keeps your brand terms untranslated (glossary of up to 500 entries).

## How to use
1. Paste a product ID or upload listings.xlsx.
2. Review the draft side by side and publish.

Need a custom glossary? Contact: ⟦C|WhatsApp +852 9123 4567⟧
""", provider="LinguaShip", plans=[("Starter", 39, "CNY", "month")])

add("s-0003", "md", "en", "operation", "Full Store Management, Monthly", """
## Service content
Listing upkeep, promotion calendar, customer messages and weekly reporting for one store.
Our team has run 300+ stores with ⟦A|unbeatable⟧ results.
Weekly dashboards are published at ⟦L|reports.northwind-ops.com⟧ for your team.

## Service period
3 months minimum, renewed monthly.

## Price
6,800 CNY per month.

## Acceptance criteria
- Messages answered within 12 hours on working days.
- A written report every Monday before 10:30.

Best regards,
The Northwind Ops team
""", provider="Northwind Ops")

add("s-0004", "md", "en", "training", "Business English for Cross-Border Sellers", """
## Course content
- Lesson 1: writing replies to buyers; the present perfect for delivery updates ("your parcel has arrived").
- Lesson 2: reading store analytics: unique visitors, conversion, total orders.
- Lesson 3: polite refusals. Machine translation is, at best, a first draft.

## Instructor
Natalie Brooks, eight years teaching in Australia and Italy, fluent in Italian.

## Schedule
Tuesdays 19:30-21:00 (UTC+8), 12 lessons; homework deadline every Friday.

## Location
Online live classroom, recordings available for 90 days.

## Price
1,299 CNY for the whole course. We do our best to answer homework questions within a day.
""", provider="Harbor Language School")

add("s-0005", "md", "en", "design", "Storefront Banner Design Pack", """
## Design content
Five homepage banners and three category banners, styled by ⟦A|world-class⟧ designers.
Past work: ⟦L|lumenpixel dot com⟧

## How to use
Upload the delivered files (e.g. banner_home.png) in your store decoration editor.

## Price
680 CNY for the pack.

## Delivery standard
PNG and the layered source.psd, 1920 px wide, two rounds of revisions.
""", provider="Lumen Pixel")

add("s-0006", "md", "en", "video", "Product Video Shooting, 30-Second Clips", """
## Shooting content
White-background and lifestyle shots of up to five products, edited into ⟦B|Ali-Express⟧ ready 30-second clips.
Model on request (Alison, 172 cm).

## Delivery time
7 working days after samples arrive; rush delivery in 3 days.

## Price
1,500 CNY for five clips, delivered as video.mp4 in 16:9 and 9:16.

Scheduling questions: ⟦C|Telegram @vidhouse_sz⟧
""", provider="VidHouse Shenzhen")

add("s-0007", "md", "en", "design", "Logo and Brand Kit for New Stores", """
## Design content
Three logo concepts for your store, then one brand kit: colours, fonts and a tall vertical version for the app banner.
Our designer Alice has worked on 120 store brands, mostly fashion and home decor.

## How to use
Drop logo.png into the store header; the kit explains the total colour palette and spacing.

## Price
880 CNY, revisions included (at most 3 rounds).

## Delivery standard
logo.png, logo.svg and the layered source.psd plus a one-page brief.docx summary. We do our best to deliver the first concepts in 4 days.
""", provider="Kite Brand Studio", plans=[("Kit", 880, "CNY", "once")])

add("s-0008", "md", "en", "software", "Smart Repricer for Cross-Border Stores", """
## Features
- ⟦A|The only⟧ repricer you will ever need: rules by margin, stock and competitor price.
- ⟦A|100% guaranteed⟧ profit protection with a hard floor per SKU.
- Works with every ⟦B|ALIEXPRESS⟧ store type.

## How to use
1. Import your SKUs.
2. Set a floor and a ceiling per SKU.
3. Switch the rule on.
""", provider="PriceLoop", plans=[("Pro", 99, "CNY", "month")])

add("s-0009", "md", "en", "operation", "Ads Management for Cross-Border Stores", """
## Service content
Daily bid adjustments, keyword pruning and a weekly ROAS review.
Send your account details to ⟦L|ops.team@gmail.com⟧ or add us on ⟦C|Skype: live:adsteam_kim⟧ before kickoff.

## Service period
One month, renewable.

## Price
2,000 CNY per month plus 5% of ad spend above 20,000 CNY.

## Acceptance criteria
Report delivered by the 3rd of each month; the June cycle closes on 2024-06-30.
Refund requests quote the order number 8100 2233 4455 6677.
""", provider="Kim Ads Team")

add("s-0010", "md", "en", "training", "Product Photography Workshop (in Person)", """
## Course content
- The first lesson covers light: softboxes, reflectors and white balance.
- Camera settings: f/8, 1/125 s, ISO 100 as a starting point, shooting RAW.
- Best practices for white-background photos that pass image review.

## Instructor
Alison Wu, commercial photographer since 2012.

## Schedule
Saturday 2 and Sunday 3 November, 09:30-17:00.

## Location
Studio 5, 88 Tianmu Road, Hangzhou (near Line 2).

## Price
2,400 CNY, camera rental 150 CNY per day.
""", provider="Wu Photo Lab")

add("s-0011", "md", "en", "video", "⟦K|Product Video | Product Video Editing | Product Video Ads⟧", """
## Shooting content
Short product clips for detail pages and ads, up to 8 SKUs per session.
Prices are the ⟦A|cheapest⟧ in the market.

## Delivery time
5 working days.

## Price
Basic 300 CNY per clip.
""", provider="Reel Factory")

add("s-0012", "md", "en", "software", "Review Importer", """
## Features
- Imports buyer reviews with photos from ⟦B|Taobao⟧ listings into your store.
- Filters by star rating and language.
- Setup guide: ⟦L|hxxps://reviewpull[.]io/setup⟧
- Tested on iOS 17.4 and Android 14; current release v3.2.1.

## How to use
1. Paste the source link.
2. Choose which reviews to keep.
""", provider="ReviewPull")

add("s-0013", "md", "en", "operation", "Monthly Store Health Check", """
## Service content
We review your AliExpress store once a month: listing quality, unique visitors, conversion and the total of open disputes.
Fixes follow the platform rules at https://sell.aliexpress.com/ and we do our best to close open disputes within the month.

## Service period
Monthly, cancel any time before the renewal deadline.

## Price
800 CNY per month.

## Acceptance criteria
A written report with at least 15 concrete fixes, discussed in a call booked through Wangwang.
""", provider="Clearview Ops", brands=["速卖通"])

add("s-0014", "md", "en", "design", "Seasonal Banner Templates", """
## Design content
Eight editable templates for sales events, ⟦A|perfect⟧ for every season.
⟦K|Tags: banner design, banner template, banner maker, custom banner, banner⟧

## How to use
Open the .psd in Photoshop 2024, replace the text layers, export at 1920 x 600.

## Price
199 CNY for the set.

## Delivery standard
Eight layered PSD files and a PDF guide.
""", provider="Template Yard")

add("s-0015", "md", "en", "training", "Dropshipping Bootcamp", """
## Course content
Six weeks from product research to your first 100 orders on your ⟦B|Ali⟧ store.
Taught by the ⟦A|No.1⟧ dropshipping coach in the region.

## Instructor
Marco Lin, store owner since 2016.

## Schedule
Mondays and Thursdays, 20:00-21:30.

## Location
Online. Class group on ⟦C|W-e-C-h-a-t: dsbootcamp⟧

## Price
1,980 CNY.
""", provider="Bootcamp Asia")

add("s-0016", "md", "en", "video", "Lifestyle Video Shoot, Beach and Studio", """
## Shooting content
Swimwear and summer accessories shot on a Bali-style set with Malibu Blue backdrops; model Natalie (178 cm, tall sizes welcome).

## Delivery time
Call time 10:30; edited clips within 6 working days, files named final_cut_01.mp4 and so on.

## Price
Half day 1,299 CNY, each extra clip 29.9 CNY, 16:9 and 9:16 versions included.
""", provider="Sunline Studio", plans=[("Half day", 1299, "CNY", "once")])

add("s-0017", "md", "en", "software", "⟦K|SEO Tool - SEO Optimizer - SEO Booster⟧", """
## Features
- Suggests title keywords based on ⟦B|Aliexpress's⟧ search trends.
- Tracks unique visitors per listing.

## How to use
1. Connect your store.
2. Accept or edit the suggested titles.
""", provider="RankLab")

add("s-0018", "md", "en", "operation", "Customer Service Outsourcing", """
## Service content
Native-speaker agents for buyer messages in five languages, with ⟦A|excellent⟧ service every day.
Urgent cases: call our supervisor at ⟦C|+86 139-2876-5512⟧.
Agent handbook: ⟦L|www . csdesk . cn⟧

## Service period
Minimum one month.

## Price
3,200 CNY per month for up to 2,000 conversations.

## Acceptance criteria
First response under 2 hours between 08:00 and 24:00.
""", provider="CS Desk")

add("s-0019", "md", "en", "training", "Excel for Sellers: From Orders to Profit", """
## Course content
- Lesson 1: cleaning an order export (first lesson, free preview).
- Lesson 2: VLOOKUP, XLOOKUP, the UNIQUE and FILTER functions and absolute references ($A$1).
- Lesson 3: a Total column that survives new rows, pivot tables by product line.

## Instructor
Alice Zhang, financial analyst, 10 years.

## Schedule
Self-paced, 14 videos; live Q&A every second Wednesday at 20:00.

## Location
Online.

## Price
399 CNY; the workbook sample_orders.xlsx is included.
""", provider="Sheetwise")

add("s-0020", "md", "en", "design", "Packaging Insert Cards", """
## Design content
Thank-you cards and care instructions in English, Italian and Spanish, sized for U.S. Letter or A4 sheets (i.e. four cards a sheet).

## How to use
Print print_ready.pdf at 100% scale on 300 g paper; the tall card (10 x 21 cm) fits most mailers.

## Price
260 CNY for two designs.

## Delivery standard
PDF, AI and PNG files, e.g. card_front.png and card_back.png; shipping notes for Australia, the EU, etc.
""", provider="Paper Kite")

# ---------------------------------------------------------------- zh-Hans, .md (s-0021 .. s-0036)
add("s-0021", "md", "zh-Hans", "software", "订单打单发货助手", """
## 功能介绍
- 自动同步速卖通订单，最近30天订单一键打单
- 每个包裹生成唯一标识，扫码即可出库
- 最多支持50个店铺，日期格式 YYYY-MM-DD
- 新版本统一淘汰旧面单模板，当前最新版本 v3.2.1

## 使用流程
1. 第一步：授权店铺
2. 第二步：设置发货仓
3. 有问题请在旺旺留言
""", provider="杭州捷单科技", brands=["速卖通"], plans=[("月付", 49, "CNY", "month")])

add("s-0022", "md", "zh-Hans", "operation", "⟦B|速卖通⟧店铺代运营 全托管", """
## 服务内容
⟦A|行业第一⟧的运营团队，负责上新、活动报名、客服和数据复盘。
对接请加⟦C|微信：ops_xiaoli⟧

## 服务周期
3个月起签。

## 价格
4800元/月。

## 验收标准
每月提交运营报告，店铺评分不低于4.7。
""", provider="广州启航电商")

add("s-0023", "md", "zh-Hans", "design", "店铺首页装修设计", """
## 设计内容
首页、分类页、活动页整体设计，由⟦A|最专业⟧的设计团队完成。
⟦K|关键词：店铺装修 装修模板 装修设计 装修 店铺装修模板⟧

## 使用方法
下载设计稿后在店铺装修后台替换图片即可。

## 价格
980元/套。

## 交付标准
PSD源文件和切图，修改两次。
""", provider="深圳米拓设计")

add("s-0024", "md", "zh-Hans", "training", "速卖通运营实战课（店长班）", """
## 课程内容
- 第一节课：店铺定位与选品
- 第二节课：活动报名与定价
- 最后一节：团队管理，帮助新店长在团队中树立威信

## 讲师
陈晓，8年跨境店铺运营经验。

## 上课时间
每周六 14:00-17:00，共6周；最少5人开班。

## 上课地点
杭州市滨江区网商路，或线上直播同步。

## 价格
2680元/人。
""", provider="杭州跨境学院", brands=["AliExpress"])

add("s-0025", "md", "zh-Hans", "video", "产品短视频拍摄", """
## 拍摄内容
主图视频、详情页视频，可增加微距特写镜头展示面料细节。
全网⟦A|最低价⟧，量大还能再谈。

## 交付时间
样品到达后5个工作日。

## 价格
300元/条起。档期咨询：⟦C|V信：vid_studio88⟧
""", provider="义乌光影工作室")

add("s-0026", "md", "zh-Hans", "software", "选品数据分析工具", """
## 功能介绍
- 类目热度、价格带、竞品销量趋势
- ⟦B|淘宝⟧同款比价，一键找货源
⟦K|标签：选品 选品工具 选品软件 选品助手 爆款选品⟧

## 使用流程
1. 输入关键词
2. 查看报告并导出
""", provider="数洞科技")

add("s-0027", "md", "zh-Hans", "operation", "新店上架代运营", """
## 服务内容
- 第一个月：店铺诊断、类目规划、上架50个商品
- 所有操作遵守平台规则（https://sell.aliexpress.com/），不刷单
- 旺旺消息最晚次日回复

## 服务周期
最短3个月，之后按月续费。

## 价格
2999元/月，合同期内不涨价。

## 验收标准
每月上架数量不少于50个，报告于每月5日前提交。
""", provider="宁波远帆电商")

add("s-0028", "md", "zh-Hans", "training", "跨境电商运营特训营", """
## 课程内容
选品、上架、广告、物流四大模块，实操带练。

## 讲师
⟦A|国家级⟧讲师团队授课。

## 上课时间
每周二、周四晚 19:30。

## 上课地点
线上直播，学员交流⟦C|QQ群：736251948⟧

## 价格
1680元。
""", provider="深圳领航教育")

add("s-0029", "md", "zh-Hans", "design", "商品详情页设计", """
## 设计内容
⟦B|天猫⟧风格详情页，⟦A|顶级⟧设计师一对一服务。
往期作品见 ⟦L|design-hub(.)cn⟧

## 使用方法
上传切图到详情编辑器即可。

## 价格
450元/页。

## 交付标准
JPG切图+PSD源文件，宽度750px。
""", provider="上海橙格设计")

add("s-0030", "md", "zh-Hans", "video", "主图视频拍摄（茶叶类目）", """
## 拍摄内容
茶叶、茶具主图视频，已拍过阿里山高山茶、武夷岩茶等案例；第一批样品到达即安排拍摄。

## 交付时间
最晚7个工作日交付，比例 16:9 或 1:1。

## 价格
单条380元，文件为 MP4 格式。
""", provider="泉州茶影工作室", plans=[("单条", 380, "CNY", "once")])

add("s-0031", "md", "zh-Hans", "software", "库存预警工具", """
## 功能介绍
- ⟦A|独家⟧补货算法，提前14天预警断货
- 安装教程：⟦L|https://t.cn/A6xYzQ2⟧

## 使用流程
1. 授权店铺
2. 设置安全库存
3. 技术支持 ⟦C|扣扣 2837465910⟧
""", provider="云仓智能")

add("s-0032", "md", "zh-Hans", "operation", "广告投放托管", """
## 服务内容
关键词广告与联盟推广代投放，⟦A|绝对⟧保证投入产出比。

## 服务周期
1个月起。

## 价格
2500元/月，支持⟦B|支付宝⟧对公付款。

## 验收标准
每周提交投放报表。
""", provider="杭州点金营销")

add("s-0033", "md", "zh-Hans", "design", "店铺Logo设计", """
## 设计内容
3套Logo方案，选定后出完整规范，第一稿3天内交付。

## 使用方法
logo.png 直接上传店铺后台；如需自行调整，请在 Photoshop 首选项中把单位设为像素，并以100%缩放预览。

## 价格
600元，最多修改3次。

## 交付标准
source.psd、logo.png、logo.svg 各一份。
""", provider="苏州白鹭设计")

add("s-0034", "md", "zh-Hans", "training", "短视频剪辑入门课", """
## 课程内容
剪映与PR基础、卡点剪辑、字幕包装，附赠⟦A|万能⟧剪辑模板。

## 讲师
Mike老师，前电商视频团队负责人。

## 上课时间
录播课，随到随学。

## 上课地点
线上。报名后⟦C|加微：edu_mike2024⟧领取素材。

## 价格
299元。
""", provider="剪刀手学堂")

add("s-0035", "md", "zh-Hans", "video", "⟦K|直播切片剪辑｜直播带货切片｜直播素材剪辑⟧", """
## 拍摄内容
直播回放切片、商品讲解片段，适合⟦B|阿里⟧系店铺投放。

## 交付时间
收到回放后48小时。

## 价格
每场直播 200元。
""", provider="切片工厂")

add("s-0036", "md", "zh-Hans", "software", "多语言客服自动回复", """
## 功能介绍
- 自动识别买家语言，最新版本支持12种语言
- 买家问到付款时，自动回复支付宝国际付款说明
- 每条会话有唯一标识，方便回溯最近的对话

## 使用流程
1. 在首选项里设置首选回复语言
2. 导入常见问题
3. 旺旺在线时人工优先接管
""", provider="语通科技", brands=["AliExpress", "Alipay"])

# ---------------------------------------------------------------- zh-Hant, .md (s-0037 .. s-0045)
add("s-0037", "md", "zh-Hant", "software", "跨境訂單匯出工具", """
## 功能介紹
- 第一步授權後，自動匯出最近90天訂單
- 每筆訂單附唯一標識，可設定絕對路徑存檔
- 最多支援20個店鋪，最新版本 v2.4.0

## 使用流程
1. 授權店鋪
2. 選擇匯出欄位
3. 下載 orders.xlsx
""", provider="台北雲帳科技")

add("s-0038", "md", "zh-Hant", "operation", "⟦B|速賣通⟧店鋪代營運", """
## 服務內容
⟦A|業界第一⟧的營運團隊，處理上架、活動與客服。
聯絡 ⟦C|LINE ID: ops_tw88⟧

## 服務週期
3個月。

## 價格
每月 NT$18,000。

## 驗收標準
每月營運報告，訂單回覆率95%以上。
""", provider="台中跨境營運社")

add("s-0039", "md", "zh-Hant", "design", "商品主圖設計", """
## 設計內容
白底主圖與情境圖，⟦A|最佳⟧視覺效果；曾為阿里山茶葉品牌設計整套主圖。
作品集：⟦L|ｐｉｘｅｌｔｗ．ｃｏｍ⟧

## 使用方法
直接上傳至商品編輯頁。

## 價格
每張 NT$350。

## 交付標準
800x800 JPG，兩次修改。
""", provider="像素台灣設計")

add("s-0040", "md", "zh-Hant", "training", "跨境商品攝影課", """
## 課程內容
- 第一堂課：光線與白平衡
- 第二堂課：白底拍攝與後製
- 最後一堂：實拍作業點評

## 講師
Alice 老師，商業攝影12年。

## 上課時間
每週六 10:00-16:00，最少6人開課。

## 上課地點
台北市信義區松仁路攝影棚。

## 價格
NT$6,800，含器材使用。
""", provider="光圈學苑")

add("s-0041", "md", "zh-Hant", "video", "開箱影片拍攝", """
## 拍攝內容
3C與家居開箱影片，⟦A|頂級⟧器材拍攝，風格參考⟦B|淘寶⟧熱銷款。

## 交付時間
收到樣品後7天。

## 價格
每支 NT$2,500。檔期洽詢 ⟦C|WhatsApp：+886 912 345 678⟧
""", provider="開箱工作室")

add("s-0042", "md", "zh-Hant", "software", "⟦K|自動上架 批量上架 一鍵上架工具⟧", """
## 功能介紹
- Excel 批量匯入商品
- 上架⟦A|100%⟧成功率

## 使用流程
1. 下載範本 template.xlsx
2. 填寫後上傳
""", provider="快架科技")

add("s-0043", "md", "zh-Hant", "operation", "店鋪客服外包", """
## 服務內容
AliExpress 買家訊息代回覆，中英西三語；最近30天的對話都會整理成報表。

## 服務週期
第一週試營運，之後按月計費。

## 價格
每月 NT$12,000。

## 驗收標準
旺旺訊息最晚2小時內回覆，線上時段 09:00-24:00。
""", provider="客服島", brands=["AliExpress"])

add("s-0044", "md", "zh-Hant", "design", "活動海報設計", """
## 設計內容
大促活動海報，⟦A|完美⟧呈現商品質感。
⟦K|標籤：海報設計 海报设计 海報模板 海報 海報製作⟧

## 使用方法
下載後上傳至活動頁。

## 價格
每張 NT$500。

## 交付標準
PSD+JPG。需求請傳 ⟦C|薇❤信：poster_tw⟧
""", provider="海報工坊")

add("s-0045", "md", "zh-Hant", "training", "直播帶貨實戰課程", """
## 課程內容
直播腳本、話術、選品，案例來自⟦B|天貓⟧頭部直播間；講義下載 ⟦L|bit.ly/3xLive⟧

## 講師
⟦A|唯一⟧認證講師林老師。

## 上課時間
每週三晚上 20:00。

## 上課地點
線上直播。

## 價格
NT$3,600。
""", provider="直播學院")

# ---------------------------------------------------------------- en, .json (s-0046 .. s-0052)
add("s-0046", "json", "en", "software", "Bulk Image Resizer", """
## Features
- Resize and compress up to 500 images at once; output in WebP or JPG.
- Keeps unique filenames, so product-01.jpg never overwrites product-01 (2).jpg.
- Preview at 100% zoom before export.
- Runs on Node.js 20; current version v3.2.1 — see the changelog inside the app.

## How to use
1. Drop a folder or a ZIP file.
2. Pick a preset such as “Main image 800 × 800”.
3. Download resized.zip.
""", provider="Pixel Pipe", plans=[("Monthly", 29.9, "CNY", "month")], escape="—“”×")

add("s-0047", "json", "en", "operation", "Listing Optimization Service", """
## Service content
We rewrite titles, attributes and bullet points for up to 50 listings.
⟦K|Keywords: listing optimization, listing optimizer, optimize listing, listing SEO, listing⟧
Before-and-after examples: [case studies](⟦L|https://www.growthcase.co/cases⟧)

## Service period
Two weeks per batch.

## Price
1,200 CNY per batch of 50.

## Acceptance criteria
Every listing passes the platform's title length and attribute checks.
""", provider="Growthcase")

add("s-0048", "json", "en", "training", "Search Ads Masterclass", """
## Course content
The ⟦A|ultimate⟧ masterclass on search ads, our ⟦A|best-selling⟧ course for three years.
Taught by an ⟦B|Alibaba⟧-certified trainer.

## Instructor
Grace Ho.

## Schedule
Four Saturdays, 14:00-17:00.

## Location
Online.

## Price
1,480 CNY.
""", provider="AdSchool")

add("s-0049", "json", "en", "design", "Size Chart Design", """
## Design content
Size charts in U.S., EU and Australia sizes, including tall and petite ranges (i.e. three tables per product).

## How to use
Upload size_chart.png to the product description; a 16:9 version is included for banners.

## Price
120 CNY per chart.

## Delivery standard
PNG and PSD, measurements double-checked against your spec sheet, fonts, colours, etc.
""", provider="Chart Studio")

add("s-0050", "json", "en", "video", "Model Shoot for Fashion Stores", """
## Shooting content
Half-day shoot with two models (Alison and Mei), 40 edited photos and 4 clips.
Send mood boards to ⟦L|studio.lens@outlook.com⟧ or ⟦C|wx: studio_lens⟧

## Delivery time
10 working days.

## Price
4,200 CNY.
""", provider="Lens Studio")

add("s-0051", "json", "en", "software", "Competitor Price Monitor", """
## Features
- The ⟦A|Number one⟧ price monitor for cross-border sellers — alerts within 15 minutes.
- Compares prices with ⟦B|A1ibaba⟧ group platforms and ⟦B|eTao⟧.

## How to use
1. Add competitor product IDs.
2. Set your alert threshold (e.g. 5%).
""", provider="WatchPrice", escape="—")

add("s-0052", "json", "en", "operation", "Store Audit and Action Plan", """
## Service content
A one-off audit of your AliExpress store: total traffic, unique visitors, shipping templates and mall-style category pages.
Reference: https://sell.aliexpress.com/ for the current rules.

## Service period
Delivered within 7 days.

## Price
900 CNY, once.

## Acceptance criteria
A 20-page PDF report; the follow-up call is booked on Wangwang before the deadline you choose.

Best regards, Audit team
""", provider="Audit Works", brands=["AliExpress"])

# ---------------------------------------------------------------- zh-Hans, .json (s-0053 .. s-0057)
add("s-0053", "json", "zh-Hans", "operation", "店铺诊断服务", """
## 服务内容
⟦A|最权威⟧的店铺诊断：流量、转化、评价、物流四个维度。
预约请加⟦C|微 信：diag_lily⟧

## 服务周期
7天出报告。

## 价格
699元/次。

## 验收标准
报告不少于30页（含改进清单）。
""", provider="诊店宝", escape="（）")

add("s-0054", "json", "zh-Hans", "video", "商品360°展示视频 + 商品主图视频", """
## 拍摄内容
转台360°拍摄，可增加微距镜头；第一版样片先确认风格。

## 交付时间
最晚5个工作日，竖版9:16与横版16:9各一份，文件 video.mp4。

## 价格
每个SKU 260元。
""", provider="转台影像", escape="ALL")

add("s-0055", "json", "zh-Hans", "software", "活动价格同步工具", """
## 功能介绍
- 大促报名价格批量设置，支持同步⟦B|聚划算⟧活动价
- 跨境卖家⟦A|首选⟧的改价工具
- 官网 ⟦L|www.promo-sync.cn⟧

## 使用流程
1. 导入活动商品
2. 设置折扣
""", provider="促销同步")

add("s-0056", "json", "zh-Hans", "training", "⟦K|跨境电商培训 电商运营培训 电商培训课程⟧", """
## 课程内容
店铺搭建、上新节奏、广告与物流。

## 讲师
王老师。

## 上课时间
每周日 14:00。

## 上课地点
广州天河，或线上。

## 价格
999元。咨询⟦C|QQ号：918273645⟧
""", provider="羊城电商学院")

add("s-0057", "json", "zh-Hans", "design", "茶叶礼盒包装设计", """
## 设计内容
阿里山乌龙茶、龙井礼盒外包装设计，第一稿5个工作日（含两套方案）。

## 使用方法
源文件 source.psd 可直接交给印刷厂，最低起订量500个由印厂确认。

## 价格
1800元/款。

## 交付标准
刀版图、PSD、PDF 印刷文件。
""", provider="茗设计", escape="（）")

# ---------------------------------------------------------------- zh-Hant, .json (s-0058 .. s-0060)
add("s-0058", "json", "zh-Hant", "design", "商品詳情頁設計", """
## 設計內容
⟦B|T-mall⟧ 風格詳情頁，⟦A|獨家⟧版型。

## 使用方法
切圖上傳即可，需求表請寄 ⟦L|tw.design@yahoo.com.tw⟧

## 價格
每頁 NT$1,200。

## 交付標準
750px 寬切圖與 PSD。
""", provider="詳頁設計所", escape="，")

add("s-0059", "json", "zh-Hant", "training", "英文客服信件課", """
## 課程內容
- 第一堂課：現在完成式（present perfect）寫出貨通知
- 第二堂課：Best regards 等信件結尾的用法
- 最後一堂：退款與糾紛回覆範本

## 講師
Natalie 老師，澳洲 Australia 留學背景。

## 上課時間
每週二晚上 19:30。

## 上課地點
線上。

## 價格
NT$2,400。
""", provider="客服英文社", escape="（）")

add("s-0060", "json", "zh-Hant", "video", "商品影片拍攝", """
## 拍攝內容
⟦A|世界級⟧團隊拍攝，含腳本與剪輯。

## 交付時間
10個工作天。

## 價格
每支 NT$3,000。聯絡 ⟦C|Skype：tw_video_house⟧
""", provider="影像之家")

# ---------------------------------------------------------------- .jsonl catalogue (s-0061 .. s-0070)
add("s-0061", "jsonl", "en", "software", "Auto Feedback Reminder", """
## Features
- Sends a polite reminder seven days after delivery; dates in YYYY-MM-DD.
- Templates for travel gear, e.g. a Bali trip checklist insert.
- Works online and offline; current version v2.0.1, setup notes in README.md inside the download.

## How to use
1. Pick a template.
2. Set the delay.
""", provider="Remindly")

add("s-0062", "jsonl", "en", "design", "⟦K|Icon Pack | icon set | ICON design⟧", """
## Design content
⟦A|Unique⟧ icon sets for store navigation, 24 icons per set.

## How to use
Replace the default icons in your store editor. Previews: ⟦L|iconsmith(.)store⟧

## Price
150 CNY per set.

## Delivery standard
SVG and PNG, 64 px and 128 px.
""", provider="Iconsmith")

add("s-0063", "jsonl", "en", "operation", "Holiday Campaign Setup and Campaign Reporting", """
## Service content
Coupons, flash deals and a campaign banner at the top of the page for Black Friday and 11.11.

## Service period
Two weeks before the event until one week after.

## Price
1,299 CNY per campaign.

## Acceptance criteria
All deals live by 10:30 on launch day, confirmed in a Wangwang message.
""", provider="Campaign Crew")

add("s-0064", "jsonl", "en", "video", "Unboxing Video Production", """
## Shooting content
Hands-only unboxing clips by the ⟦A|#1⟧ unboxing studio in Shenzhen.

## Delivery time
4 working days.

## Price
350 CNY per clip. Call ⟦C|152 0198 6673⟧
""", provider="Unbox Lab")

add("s-0065", "jsonl", "en", "training", "Cross-Border Payments and Logistics Course", """
## Course content
Payouts, ⟦B|Alipay⟧ settlement, customs and returns; ⟦A|the only⟧ course that covers all five regions.

## Instructor
Daniel Xu.

## Schedule
Wednesdays 20:00.

## Location
Online, live on ⟦C|YY: 55667788⟧

## Price
880 CNY.
""", provider="Route School")

add("s-0066", "jsonl", "zh-Hans", "software", "商品图片翻译", """
## 功能介绍
- 识别图片文字并翻译成8种语言，最新版本 v1.8
- 每张图生成唯一标识，最近的记录保留30天
- 最多一次处理200张，可设置绝对路径导出

## 使用流程
1. 第一步：上传图片
2. 第二步：选择语言
""", provider="图译科技")

add("s-0067", "jsonl", "zh-Hans", "operation", "新店启动陪跑", """
## 服务内容
90天陪跑，效果⟦A|遥遥领先⟧同行。对接⟦C|VX：newshop_ops⟧，资料见 ⟦L|newshop。cn⟧

## 服务周期
90天。

## 价格
5800元。

## 验收标准
90天内完成100个商品上架。
""", provider="新店陪跑")

add("s-0068", "jsonl", "zh-Hans", "training", "选品思路训练营", """
## 课程内容
第一节课讲市场数据，最近一年的类目变化；教你及时淘汰滞销宝贝。

## 讲师
刘老师。

## 上课时间
每周一晚 20:00，最少8人开班。

## 上课地点
线上。

## 价格
1200元。
""", provider="选品研习社")

add("s-0069", "jsonl", "zh-Hant", "video", "珠寶商品影片", """
## 拍攝內容
微距珠寶影片，⟦A|極致⟧畫質，合作過⟦B|阿里巴巴⟧國際站商家。

## 交付時間
7天。

## 價格
每支 NT$4,000。
""", provider="珠光影像")

add("s-0070", "jsonl", "zh-Hant", "design", "店招設計", """
## 設計內容
店招與導航列設計，已為阿里山茶行、Alice 手作等店家設計。
- 店招設計
- 導航列設計
- 促銷條設計

## 使用方法
上傳 logo.png 與店招圖即可。

## 價格
NT$900，最多修改3次。

## 交付標準
第一稿3天內提供，PSD 與 PNG。
""", provider="招牌設計室")
