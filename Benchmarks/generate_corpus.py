#!/usr/bin/env python3
"""Generate a synthetic AliExpress Service Market catalogue for benchmarking listing-lint.

Writes JSON Lines (one listing object per line: id, title, category, provider, erp, plans,
description) and prints the measured average listing size. Deterministic: the same --count and
--seed give byte-identical output, so runs on different machines/commits lint the same bytes.

Mix: ~50% Simplified Chinese, ~10% Traditional Chinese, ~40% English. Text is assembled from
phrase banks with random numbers and names, so lines are not byte-for-byte repeats. About 30% of
listings get 1-3 violations (absolute terms, platform brand names, external links, off-platform
chat contacts, low ERP prices such as 19元/月) at the density real listings show; the rest are
meant to be clean, though they do contain allowed look-alikes (第一步, 最好提前, 阿里旺旺, unique ID).

Usage: generate_corpus.py [--count 100000] [--out catalogue.jsonl] [--seed 20240601]
Pure standard library.
"""
import argparse
import json
import random
import sys

CATEGORIES = ["software", "operation", "training", "design", "video"]
CATEGORY_WEIGHTS = [35, 25, 15, 15, 10]
VIOLATION_RATE = 0.30

# ---------------------------------------------------------------- Simplified -> Traditional
# Character pairs (Simplified, Traditional), enough for the phrase banks below: not a general converter.
S2T_PAIRS = (
    "们們务務发發后後费費单單产產设設计計视視频頻摄攝运運营營铺鋪训訓练練课課数數据據报報库庫订訂货貨价價员員"
    "会會开開关關键鍵词詞标標题題图圖详詳页頁专專业業团團队隊导導师師个個对對这這为為与與让讓时時间間选選择擇"
    "优優质質实實现現动動态態热熱销銷广廣转轉场場经經验驗线線买買卖賣户戶账賬号號内內帮幫问問级級体體网網络絡"
    "电電脑腦软軟统統处處编編辑輯仓倉说說绍紹围圍范範项項讲講准準长長周週种種类類结結构構样樣机機续續规規则則"
    "备備层層颜顏风風镜鏡头頭灯燈声聲乐樂达達国國际際语語译譯复複盘盤诊診断斷适適远遠录錄无無资資证證维維护護"
    "变變换換购購领領条條认認识識简簡画畫满滿终終轮輪确確车車调調节節观觀众眾带帶脚腳迁遷储儲协協议議约約签簽"
    "汇匯纠糾纷紛罚罰违違执執许許阅閱读讀预預览覽启啟审審显顯缩縮宝寶猫貓联聯话話请請获獲进進础礎链鏈载載细細"
    "见見写寫点點击擊检檢环環还還总總币幣损損评評论論归歸权權试試沟溝谈談划劃创創额額应應双雙东東厦廈宁寧苏蘇"
    "汉漢岛島义義乌烏极極锐銳鲸鯨万萬传傳询詢术術责責担擔档檔饰飾装裝块塊压壓错錯别別过過负負从從组組厂廠"
    "码碼历歷参參馈饋张張觉覺竞競踪蹤测測险險输輸拟擬区區门門云雲鹰鷹蓝藍诚誠书書纸紙阶階边邊么麼册冊"
)
S2T = str.maketrans({S2T_PAIRS[i]: S2T_PAIRS[i + 1] for i in range(0, len(S2T_PAIRS), 2)})

# ---------------------------------------------------------------- names
ZH_CITIES = ["杭州", "深圳", "广州", "义乌", "上海", "厦门", "宁波", "苏州", "成都", "武汉", "东莞", "佛山", "南京", "青岛"]
ZH_CORES = ["云拓", "跨境通达", "速帆", "星图", "极光", "卓越", "易联", "海鹰", "锐思", "蓝鲸", "启航", "众诚",
            "优品", "领航", "智汇", "聚能", "天工", "明镜", "远帆", "新禾", "博远", "拓客", "晨光", "万象"]
ZH_KINDS = ["网络科技有限公司", "信息技术有限公司", "电子商务有限公司", "软件有限公司", "文化传媒有限公司",
            "影视制作有限公司", "设计工作室", "企业管理咨询有限公司", "教育科技有限公司"]
EN_CORES = ["Parcel", "Kit", "Crosslink", "Restock", "Bright", "Atlas", "Harbor", "Pixel", "Northwind", "Lumen",
            "Cargo", "Mosaic", "Sprout", "Vantage", "Orbit", "Cobalt", "Maple", "Fable", "Tidal", "Granite"]
EN_SUFFIXES = ["wise", "ly", "works", "hub", "lab", "flow", "craft", "path", "stack", "loop", ""]
EN_KINDS = ["Software Ltd.", "Apps Ltd.", "Systems Ltd.", "Digital Co., Ltd.", "Studio", "Media Ltd.",
            "Academy", "Consulting Ltd.", "Commerce Services Ltd."]

# ---------------------------------------------------------------- phrase banks
# Each category: title templates, then sections as (heading, kind, bank); kind is "bullets", "steps"
# or "prose". {n}, {m}, {d}, {p}, {k} are filled with random numbers; {noun} with a category noun.
ZH = {
    "software": {
        "nouns": ["订单管理", "库存同步", "商品采集", "物流跟踪", "多店铺ERP", "批量刊登", "价格监控", "评价管理",
                  "关键词分析", "利润核算", "自动翻译", "图片搬运", "采购管理", "仓储管理", "客服工单"],
        "titles": ["{noun}助手 - 支持{n}个店铺", "{noun}系统 标准版", "{noun}工具｜多语言批量处理",
                   "智能{noun}平台 v{d}.{k}", "{noun}插件 - 跨境卖家专用", "{noun}与{noun2}一体化工具"],
        "sections": [
            ("功能介绍", "bullets", [
                "支持{n}个店铺统一管理，订单实时同步", "批量修改商品标题、价格和库存，一次最多{m}个SKU",
                "自动计算运费和利润，支持多币种汇率换算", "缺货预警：库存低于{k}件时自动提醒",
                "商品详情页多语言自动翻译，支持英语、西班牙语、法语等{d}种语言", "物流单号自动回填，减少人工操作",
                "每个商品生成唯一编码，方便对账和报表统计", "数据报表按日、周、月导出为 report.csv",
                "采购单一键生成，供应商到货自动入库", "订单异常自动标记，支持按国家和物流方式筛选",
                "价格变动记录保留{m}天，可随时回查", "支持子账号权限分级，团队协作更安全",
                "评价自动归类，差评{k}小时内提醒处理", "关键词搜索热度按周更新，辅助选品"]),
            ("使用流程", "steps", [
                "第一步先完成店铺授权，再导入商品",
                "授权店铺：在服务市场订购后进入应用，点击授权", "导入商品：选择需要同步的类目，系统自动拉取商品数据",
                "设置规则：配置库存预警值、定价公式和物流模板", "开始使用：在订单列表中批量处理待发货订单",
                "查看报表：每天上午自动生成前一天的经营数据",
                "如需迁移历史数据，最好提前一周联系客服安排", "邀请子账号并分配权限"]),
            ("价格说明", "prose", [
                "按月订阅，可随时升级套餐，升级后按剩余天数折算费用。", "试用期{d}天，试用结束后自动转为免费版，不会自动扣费。",
                "年付套餐包含全部功能和{m}次数据迁移服务。", "订单量超过{m}单/月的商家建议选择专业版。"]),
            ("售后服务", "prose", [
                "工作日9:00-18:00 在线客服，售前咨询请通过阿里旺旺联系。", "系统每周更新，更新内容在应用公告中说明。",
                "遇到问题可在应用内提交工单，一般{d}小时内回复。", "提供使用手册和视频教程，新用户可预约一对一演示。"]),
        ],
    },
    "operation": {
        "nouns": ["店铺代运营", "广告投放优化", "新店开店辅导", "大促活动策划", "店铺诊断", "商品上新",
                  "直通车托管", "客服外包", "海外社媒推广", "类目合规检查"],
        "titles": ["{noun}服务 - {d}个月", "{noun}｜资深团队一对一", "{noun}套餐 基础版", "跨境{noun}（按季度）",
                   "{noun}+{noun2} 组合服务"],
        "sections": [
            ("服务内容", "bullets", [
                "店铺整体诊断，输出{m}页诊断报告", "每周优化{n}个核心商品的标题、主图和详情页",
                "广告计划搭建与调价，每日检查投放数据", "大促活动报名与备货节奏规划",
                "竞品分析：每月跟踪{k}家同类目店铺", "客服话术整理与售后纠纷处理指导",
                "新品上架{n}款/月，含关键词调研", "每月{d}次视频复盘会议", "店铺违规风险排查与整改建议",
                "物流方案对比，降低运费成本"]),
            ("服务周期", "prose", [
                "服务周期为{d}个月，自订购之日起计算。", "按季度服务，每季度结束前{k}天沟通续约。",
                "首月为磨合期，之后按月度计划执行。"]),
            ("价格", "prose", [
                "基础版每月{p}元，含{n}个商品的日常优化。", "费用按月结算，不收取销售提成。",
                "如需增加商品数量，每{n}个商品加收{k}0元。"]),
            ("验收标准", "bullets", [
                "每周提交工作报告，列明完成的优化项", "月度报告包含流量、转化率和广告花费对比",
                "服务期内商品上新数量不少于约定数量", "诊断报告在订购后{d}个工作日内交付",
                "双方确认工作清单后视为验收通过"]),
        ],
    },
    "training": {
        "nouns": ["跨境开店实战", "广告投放", "选品与数据分析", "店铺运营进阶", "视觉营销", "海外仓与物流",
                  "客服与纠纷处理", "直播带货"],
        "titles": ["{noun}课程（{n}课时）", "{noun}训练营 第{d}期", "{noun}系统课｜零基础入门",
                   "{noun}线上直播课", "{noun}+{noun2} 进阶班"],
        "sections": [
            ("课程大纲", "outline", [
                "第一课：平台规则与类目选择", "后台基础操作与商品发布", "关键词调研与标题优化",
                "广告计划的搭建与调价方法", "数据分析：流量、转化率与客单价", "物流方案与运费模板设置",
                "大促活动报名与备货", "售后纠纷的预防与处理", "店铺诊断实操与复盘",
                "第{d}课：案例拆解与课后作业点评"]),
            ("讲师介绍", "prose", [
                "主讲老师有{d}年跨境电商运营经验，曾负责多个类目的店铺从零到月销{m}单。",
                "讲师团队由{k}位资深运营组成，长期服务中小卖家。", "授课老师擅长广告投放与数据分析，课程以实操为主。"]),
            ("上课时间", "prose", [
                "每周二、周四晚上19:30-21:30，共{n}课时。", "报名后{d}天内开课，课程回放保留{m}天。",
                "每期招收{m}名学员，满员即开班。"]),
            ("上课地点", "prose", [
                "线上直播授课，提供课程回放和课件下载（课件为 slides.pdf）。", "线上授课，学员群内答疑，课后布置作业。",
                "{city}线下小班，同时提供线上直播。"]),
            ("价格", "prose", [
                "课程费用{p}元/人，含全部课时和课件。", "同一店铺报名{d}人及以上可享团报优惠。",
                "开课前{k}天可全额退款，开课后按已上课时折算。"]),
        ],
    },
    "design": {
        "nouns": ["店铺装修", "商品主图", "详情页设计", "品牌LOGO", "海报Banner", "包装设计", "产品白底图", "营销活动页"],
        "titles": ["{noun}设计 - {n}张起", "{noun}｜跨境风格定制", "专业{noun}服务", "{noun}+{noun2} 套餐",
                   "{noun}设计（含{d}次修改）"],
        "sections": [
            ("设计内容", "bullets", [
                "店铺首页装修，含{d}个模块的布局设计", "商品主图{n}张，尺寸800×800，白底或场景图",
                "详情页设计，适配手机端显示", "品牌色彩与字体规范建议", "节日大促活动Banner {k}张",
                "多语言文案排版，支持英语、俄语、西班牙语", "主图视频封面设计", "产品卖点图标与信息图"]),
            ("使用说明", "steps", [
                "下单后提交产品资料和参考风格", "设计师在{d}个工作日内出初稿", "根据反馈修改，最多{k}次",
                "确认终稿后交付源文件", "最好先提供产品实拍图和卖点说明"]),
            ("价格", "prose", [
                "主图设计{p}元/张，详情页{m}元/页。", "套餐价格已包含修改费用，超出次数按每次{k}0元另计。",
                "加急{d}个工作日交付需加收{n}%费用。"]),
            ("交付标准", "bullets", [
                "交付PSD分层源文件和JPG成品图", "图片尺寸和大小符合平台上传要求",
                "终稿确认后{d}个工作日内交付", "文字无错别字，多语言文案经过校对", "交付文件打包为 design.zip"]),
        ],
    },
    "video": {
        "nouns": ["产品展示视频", "主图视频", "开箱视频", "模特试穿视频", "工厂实拍", "短视频代拍", "直播切片剪辑"],
        "titles": ["{noun}拍摄 - {n}秒", "{noun}｜含剪辑配乐", "{noun}代拍服务", "{noun}套餐（{d}条）",
                   "{noun}+{noun2} 组合拍摄"],
        "sections": [
            ("拍摄内容", "bullets", [
                "产品外观、细节和功能演示", "{n}秒主图视频，横竖版各一条", "使用场景拍摄，可安排模特出镜",
                "工厂生产线和仓库实拍镜头", "开箱过程和包装展示", "多语言字幕和背景音乐",
                "灯光棚拍摄，白底和场景各{d}组", "剪辑调色，成片分辨率1080P"]),
            ("交付时间", "prose", [
                "收到样品后{d}个工作日内交付成片。", "加急拍摄可在{k}天内交付，需提前预约档期。",
                "修改意见提出后{d}个工作日内完成调整。"]),
            ("价格", "prose", [
                "单条视频{p}元，含拍摄、剪辑和一次修改。", "{d}条以上批量拍摄享受套餐价。",
                "样品寄回运费由买家承担。"]),
            ("服务说明", "prose", [
                "样品请在下单后{d}天内寄出，拍摄完成后寄回。", "成片可直接上传到商品主图视频位。",
                "拍摄前会与您确认脚本和镜头清单。"]),
        ],
    },
}

EN = {
    "software": {
        "nouns": ["Order Manager", "Inventory Sync", "Product Importer", "Shipment Tracker", "Multi-store ERP",
                  "Bulk Editor", "Price Monitor", "Review Manager", "Keyword Planner", "Profit Calculator",
                  "Listing Translator", "Purchase Planner", "Warehouse Manager", "Helpdesk"],
        "titles": ["{noun} - up to {n} stores", "{noun} Standard", "{noun} for cross-border sellers",
                   "{noun} v{d}.{k}", "{noun} and {noun2} in one app", "{noun} Lite"],
        "sections": [
            ("Features", "bullets", [
                "Manage {n} stores from one dashboard with real-time order sync",
                "Bulk edit titles, prices and stock for up to {m} SKUs at once",
                "Automatic shipping cost and margin calculation in {d} currencies",
                "Low-stock alerts when a SKU drops below {k} units",
                "Translate product details into {d} languages", "Tracking numbers filled in automatically",
                "Each product gets a unique ID for reporting", "Daily, weekly and monthly reports exported as report.csv",
                "Purchase orders generated from reorder suggestions", "Sub-accounts with role-based permissions",
                "Negative reviews flagged within {k} hours", "Price history kept for {m} days"]),
            ("How to use", "steps", [
                "Subscribe in the Service Market and open the app", "Authorize your store",
                "Choose the categories to import; products are pulled in automatically",
                "Set stock alerts, pricing formulas and shipping templates",
                "Process pending orders in bulk from the order list", "Review the daily report every morning",
                "Invite your team and assign permissions"]),
            ("Pricing", "prose", [
                "Monthly subscription; upgrade at any time and the remaining days are prorated.",
                "{d}-day free trial, then the free plan applies; you are never charged automatically.",
                "The yearly plan includes every feature and {d} data migrations.",
                "Stores with more than {m} orders a month should pick the Pro plan."]),
            ("Support", "prose", [
                "Online support on workdays from 9:00 to 18:00 (UTC+8); pre-sales questions via Aliwangwang.",
                "Tickets submitted in the app are answered within {d} hours.",
                "A user guide and video tutorials are included; new users can book a live demo.",
                "Updates ship weekly and are listed in the in-app changelog."]),
        ],
    },
    "operation": {
        "nouns": ["Store Management", "Ads Optimization", "New Store Launch", "Campaign Planning", "Store Audit",
                  "Product Listing", "Customer Service Outsourcing", "Social Media Promotion"],
        "titles": ["{noun} - {d} months", "{noun} by a senior team", "{noun} Basic package",
                   "Quarterly {noun}", "{noun} + {noun2} bundle"],
        "sections": [
            ("Service content", "bullets", [
                "Full store audit with a {m}-page report", "Weekly optimization of {n} key products: titles, images, details",
                "Ad campaign setup and daily bid adjustments", "Campaign registration and stock planning for sales events",
                "Monthly tracking of {k} competitor stores", "Customer service scripts and dispute handling guidance",
                "{n} new products listed per month, with keyword research", "{d} video review meetings per month",
                "Compliance check of listings and fixes"]),
            ("Service period", "prose", [
                "The service runs for {d} months from the order date.",
                "Billed quarterly; renewal is discussed {k} days before the quarter ends.",
                "The first month is onboarding; monthly plans follow."]),
            ("Pricing", "prose", [
                "Basic plan: {p} USD per month for day-to-day work on {n} products.",
                "Billed monthly, no commission on sales.", "Each extra {n} products cost {k}0 USD per month."]),
            ("Acceptance standards", "bullets", [
                "Weekly report listing the completed optimizations",
                "Monthly report comparing traffic, conversion and ad spend",
                "New listings not fewer than the agreed number", "Audit report delivered within {d} working days",
                "Accepted once both sides confirm the task list"]),
        ],
    },
    "training": {
        "nouns": ["Cross-border Store Bootcamp", "Ads Masterclass", "Product Research", "Advanced Store Operations",
                  "Visual Merchandising", "Overseas Warehousing", "Customer Service Training", "Live Selling"],
        "titles": ["{noun} ({n} lessons)", "{noun} - cohort {d}", "{noun} for beginners", "{noun} live online",
                   "{noun} + {noun2}"],
        "sections": [
            ("Course outline", "outline", [
                "Lesson 1: platform rules and choosing a category", "Back-office basics and publishing products",
                "Keyword research and title optimization", "Building and tuning ad campaigns",
                "Data analysis: traffic, conversion and order value", "Shipping options and freight templates",
                "Sales events and stock planning", "Preventing and handling disputes",
                "Lesson {d}: case studies and homework review"]),
            ("Instructor", "prose", [
                "The instructor has {d} years of cross-border e-commerce experience and grew several stores to {m} orders a month.",
                "A team of {k} senior operators who work with small sellers every day.",
                "Hands-on lessons focused on ads and data analysis."]),
            ("Schedule", "prose", [
                "Tuesdays and Thursdays 19:30-21:30 (UTC+8), {n} lessons in total.",
                "Classes start within {d} days of enrolment; recordings stay available for {m} days.",
                "Each cohort takes {m} students."]),
            ("Location", "prose", [
                "Live online classes with recordings and downloadable slides (slides.pdf).",
                "Online, with a Q&A group and homework after each lesson."]),
            ("Pricing", "prose", [
                "{p} USD per student, all lessons and materials included.",
                "Teams of {d} or more from one store get a group discount.",
                "Full refund up to {k} days before the course starts; prorated afterwards."]),
        ],
    },
    "design": {
        "nouns": ["Storefront Design", "Main Product Images", "Product Detail Page", "Logo Design", "Banner Design",
                  "Packaging Design", "White-background Photos", "Campaign Landing Page"],
        "titles": ["{noun} - from {n} images", "{noun} in a cross-border style", "Custom {noun}",
                   "{noun} + {noun2} package", "{noun} ({d} revisions included)"],
        "sections": [
            ("Design content", "bullets", [
                "Storefront homepage with {d} modules", "{n} main images at 800x800, white background or lifestyle",
                "Mobile-first detail page layout", "Brand colour and typography guide", "{k} banners for sales events",
                "Copy layout in English, Russian and Spanish", "Video cover design", "Selling-point icons and infographics"]),
            ("How to use", "steps", [
                "Send product material and reference styles after ordering",
                "First draft within {d} working days", "Up to {k} rounds of revisions",
                "Source files delivered after final approval"]),
            ("Pricing", "prose", [
                "{p} USD per main image, {m} USD per detail page.",
                "Revisions are included; extra rounds cost {k} USD each.",
                "Rush delivery in {d} working days adds {n}%."]),
            ("Deliverables", "bullets", [
                "Layered PSD source files and JPG exports", "Sizes and file weights meet the upload requirements",
                "Delivered within {d} working days of approval", "Proofread copy in every language",
                "Everything packed as design.zip"]),
        ],
    },
    "video": {
        "nouns": ["Product Showcase Video", "Main Image Video", "Unboxing Video", "Model Try-on Video",
                  "Factory Footage", "Short Video Production", "Live Stream Clips"],
        "titles": ["{noun} - {n} seconds", "{noun} with editing and music", "{noun} service",
                   "{noun} pack ({d} videos)", "{noun} + {noun2}"],
        "sections": [
            ("Shooting content", "bullets", [
                "Product exterior, details and feature demo", "{n}-second main image video, landscape and portrait",
                "Lifestyle scenes with a model on request", "Factory line and warehouse footage",
                "Unboxing and packaging", "Subtitles in several languages and background music",
                "Studio lighting, {d} white-background and {d} lifestyle setups", "Colour grading, 1080p output"]),
            ("Delivery time", "prose", [
                "Final video within {d} working days of receiving the sample.",
                "Rush shoots in {k} days, booked in advance.", "Revisions done within {d} working days."]),
            ("Pricing", "prose", [
                "{p} USD per video including shooting, editing and one revision.",
                "Bulk packs of {d}+ videos are discounted.", "Return shipping of samples is paid by the buyer."]),
            ("Notes", "prose", [
                "Please ship samples within {d} days of ordering; we send them back after the shoot.",
                "Videos are ready to upload to the product video slot.",
                "We confirm the script and shot list with you before shooting."]),
        ],
    },
}

# ---------------------------------------------------------------- violations
VIOLATIONS = {
    "absolute": {
        "zh": ["我们是行业第一的{noun}服务商。", "全网最低价，{noun}首选。", "最好用的{noun}，销量第一。",
               "效果最好，{m}家店铺的共同选择。", "国内第一家专注{noun}的团队。", "全网最低价，买贵退差价。"],
        "en": ["The best {noun} for cross-border sellers.", "No.1 {noun} trusted by {m} stores.",
               "Rated #1 by sellers in {d} countries.", "Lowest price guaranteed.", "Simply the best value on the market."],
        "title_zh": ["【全网第一】", "最好的", "No.1 "], "title_en": ["#1 ", "Best ", "No.1 "],
    },
    "brand": {
        "zh": ["支持淘宝、天猫店铺商品一键搬家。", "讲师曾任淘宝金牌讲师。", "同步天猫和速卖通订单。",
               "适用于AliExpress全部类目。", "原淘宝店铺数据可直接导入。"],
        "en": ["Import products from Taobao in one click.", "Built for AliExpress sellers.",
               "Works with Tmall and Taobao catalogues.", "Former Taobao trainer with {d} years of experience."],
    },
    "link": {
        "zh": ["详细教程请访问 https://shop-example.cn/x{n}", "更多案例见 www.mystore.com/cases",
               "下载客户端：https://{slug}-app.com/download", "作品集：www.{slug}studio.cn"],
        "en": ["Full guide at https://shop-example.cn/x{n}", "See more cases on www.mystore.com",
               "Download the desktop app: https://{slug}-app.com/download", "Portfolio: www.{slug}studio.net"],
    },
    "chat": {
        "zh": ["有问题请加微信 {slug}{n}", "售后QQ {qq}", "咨询电话 138 {a} {b}", "加入QQ群 {qq} 获取资料",
               "添加微信领取课件", "拍摄需求请发到微信，一小时内报价。"],
        "en": ["Contact us on WeChat: {slug}{n}", "WhatsApp +86 138 {a} {b}", "QQ {qq} for quick support",
               "Message us on Telegram @{slug}"],
    },
    "erp": {  # low ERP prices, also reflected in the plans
        "zh": ["ERP 基础版仅需19元/月。", "多店铺ERP低至{low}元/月，不限订单量。"],
        "en": ["ERP basic plan only 19元/月 (about 2.6 USD).", "Multi-store ERP from {low} CNY/month."],
    },
}
VIOLATION_KINDS = ["absolute", "brand", "link", "chat", "erp"]
VIOLATION_WEIGHTS = [35, 20, 15, 25, 5]

FAQ = {
    "zh": [("可以开发票吗？", "可以，订购后在服务市场后台申请电子发票。"),
           ("可以退款吗？", "服务开始前可全额退款，开始后按已完成的工作量折算。"),
           ("支持哪些语言？", "界面和文档支持中文和英语，{noun}内容可按需翻译为{d}种语言。"),
           ("多久能看到效果？", "一般1到{d}周可以看到流量变化，具体取决于类目竞争情况。"),
           ("如何联系客服？", "请通过阿里旺旺或服务市场站内信联系，工作日{d}小时内回复。"),
           ("数据安全吗？", "店铺数据仅用于提供本服务，服务结束{k}天后删除。")],
    "en": [("Can I get an invoice?", "Yes, request an e-invoice in the Service Market back office after ordering."),
           ("Can I get a refund?", "Full refund before the work starts; afterwards the completed work is deducted."),
           ("Which languages are supported?", "The interface is in Chinese and English; {noun} content can be translated into {d} languages."),
           ("When will I see results?", "Usually within 1 to {d} weeks, depending on competition in your category."),
           ("How do I reach support?", "Through Aliwangwang or Service Market messages; replies within {d} working hours."),
           ("Is my data safe?", "Store data is used only to provide this service and deleted {k} days after it ends.")],
}

PERIODS = ["month", "month", "month", "quarter", "year", "year", "week", "day", "once"]
ZH_PLAN_NAMES = {"day": "按天", "week": "周卡", "month": "月付", "quarter": "季付", "year": "年付", "once": "单次"}
EN_PLAN_NAMES = {"day": "Daily", "week": "Weekly", "month": "Monthly", "quarter": "Quarterly", "year": "Yearly", "once": "One-off"}
PERIOD_MONTHS = {"day": 1 / 30, "week": 0.25, "month": 1, "quarter": 3, "year": 12, "once": 1}
SLUGS = ["sunny", "kuajing", "fastship", "bestgo", "yoyo", "tradehub", "ecoshop", "dragon", "panda", "globalbuy"]


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def fill(self, template, noun, noun2=""):
        r = self.r
        if "{" not in template:
            return template
        return template.format(
            n=r.randint(2, 50), m=r.randint(20, 600), d=r.randint(2, 12), k=r.randint(3, 24), p=r.randint(9, 999),
            noun=noun, noun2=noun2, city=r.choice(ZH_CITIES), slug=r.choice(SLUGS),
            qq=r.randint(10_000_000, 999_999_999), a=r.randint(1000, 9999), b=r.randint(1000, 9999),
            low=r.choice([9, 15, 19, 25]))

    def plans(self, lang, category, erp):
        r = self.r
        currency = "CNY" if lang != "en" and r.random() < 0.6 else "USD"
        base = r.uniform(3, 60) if category == "software" else r.uniform(30, 900)
        if currency == "CNY":
            base *= 7
        periods = sorted(set(r.choice(PERIODS) for _ in range(r.randint(1, 3))), key=PERIODS.index)
        names = ZH_PLAN_NAMES if lang != "en" else EN_PLAN_NAMES
        out = []
        for period in periods:
            price = round(base * PERIOD_MONTHS[period] * r.uniform(0.8, 1.0), 2 if currency == "USD" else 0)
            out.append({"name": names[period], "price": price, "currency": currency, "period": period})
        return out

    def listing(self, index):
        r = self.r
        roll = r.random()
        lang = "zh" if roll < 0.5 else "zh-Hant" if roll < 0.6 else "en"
        bank_lang = "en" if lang == "en" else "zh"
        category = r.choices(CATEGORIES, CATEGORY_WEIGHTS)[0]
        bank = (EN if lang == "en" else ZH)[category]
        noun, noun2 = r.sample(bank["nouns"], 2)
        erp = category == "software" and ("ERP" in noun or r.random() < 0.3)

        title = self.fill(r.choice(bank["titles"]), noun, noun2)
        if lang == "en":
            provider = f"{r.choice(EN_CORES)}{r.choice(EN_SUFFIXES)} {r.choice(EN_KINDS)}"
        else:
            provider = f"{r.choice(ZH_CITIES)}{r.choice(ZH_CORES)}{r.choice(ZH_KINDS)}"

        # Sections: every required module, in order; occasionally one is missing.
        sections = []
        for heading, kind, phrases in bank["sections"]:
            if r.random() < 0.03:
                continue
            count = min(r.randint(3, 5) if kind == "steps" else r.randint(2, 3) if kind == "prose" else r.randint(4, 7),
                        len(phrases))
            picked = r.sample(range(len(phrases)), count)
            if kind in ("steps", "outline"):  # keep the bank's order
                picked.sort()
            lines = [self.fill(phrases[i], noun, noun2) for i in picked]
            sections.append([heading, kind, lines])
        if r.random() < 0.6:  # opening paragraph
            sections.insert(0, [None, "prose", [self.fill(r.choice(bank["titles"]), noun, noun2) +
                                                ("。" if bank_lang == "zh" else ".")]])

        if r.random() < 0.5:  # FAQ: "**Q**: ...?" / answer pairs
            pairs = r.sample(FAQ[bank_lang], r.randint(1, 2))
            sections.append(["常见问题" if bank_lang == "zh" else "FAQ", "prose",
                             ["\n".join(f"**{q}**\n{self.fill(a, noun)}" for q, a in pairs)]])

        plans = self.plans(lang, category, erp)
        if r.random() < VIOLATION_RATE:
            kinds = dict.fromkeys(r.choices(VIOLATION_KINDS, VIOLATION_WEIGHTS, k=r.choice([1, 1, 1, 2, 2, 3])))
            for kind in kinds:
                if kind == "erp":
                    if not erp:
                        kind = "absolute"
                    else:
                        plans[0] = {"name": plans[0]["name"], "price": 19, "currency": "CNY", "period": "month"}
                if kind == "absolute" and r.random() < 0.3:
                    title = r.choice(VIOLATIONS[kind]["title_" + bank_lang]) + title
                    continue
                sentence = self.fill(r.choice(VIOLATIONS[kind][bank_lang]), noun)
                target = r.choice(sections)
                at = r.randint(0, len(target[2]))
                if target[1] == "prose" and sentence[-1] not in "。.":
                    sentence += "。" if bank_lang == "zh" else "."
                if target[1] == "prose" and target[2] and r.random() < 0.5:  # run on after a sentence
                    target[2][max(at - 1, 0)] += ("" if bank_lang == "zh" else " ") + sentence
                else:
                    target[2].insert(at, sentence)

        description = render(sections, bank_lang)
        if lang == "zh-Hant":
            title, provider, description = title.translate(S2T), provider.translate(S2T), description.translate(S2T)
            for plan in plans:
                plan["name"] = plan["name"].translate(S2T)
        if lang != "en" and r.random() < 0.1:
            description = description.replace("## 价格", "## Pricing", 1)  # mixed-language heading
        return {"id": f"{category[:2]}-{index:07d}", "title": title, "category": category, "provider": provider,
                "erp": erp, "plans": plans, "description": description}


def render(sections, lang):
    out = []
    for heading, kind, lines in sections:
        if heading:
            out.append(f"## {heading}\n")
        if kind in ("bullets", "outline"):
            out.append("".join(f"- {line}\n" for line in lines))
        elif kind == "steps":
            out.append("".join(f"{i}. {line}\n" for i, line in enumerate(lines, 1)))
        else:
            out.append(("" if lang == "zh" else " ").join(lines) + "\n")
        out.append("\n")
    return "".join(out).rstrip("\n") + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--out", default="-", help="output path (default: standard output)")
    parser.add_argument("--seed", type=int, default=20240601)
    args = parser.parse_args()

    gen = Gen(args.seed)
    total = 0
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8", newline="\n")
    with out:
        for i in range(args.count):
            line = json.dumps(gen.listing(i + 1), ensure_ascii=False) + "\n"
            total += len(line.encode("utf-8"))
            out.write(line)
    print(f"{args.count} listings, {total / 1e6:.1f} MB, average {total / max(args.count, 1):.0f} bytes per listing",
          file=sys.stderr)


if __name__ == "__main__":
    main()
