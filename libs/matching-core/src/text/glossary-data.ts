/**
 * Curated EN / ZH / UR domain glossary for CPEC technology-transfer sectors.
 * One line per concept: `english synonyms | chinese terms | urdu terms` (`;`-separated, first English
 * term is the concept's primary label). Multi-word English terms match as phrases (on stems).
 * Layered on top of CC-CEDICT, which covers general vocabulary.
 */
export const GLOSSARY_SOURCE = `
# --- agriculture: seeds & breeding
hybrid rice;hybrid paddy | 杂交水稻;杂交稻 | ہائبرڈ چاول;ہائبرڈ دھان
rice;paddy | 水稻;稻谷;大米;稻 | چاول;دھان
wheat | 小麦 | گندم
maize;corn | 玉米 | مکئی
cotton | 棉花;棉 | کپاس
seed;seeds | 种子;良种;种苗 | بیج;بیجوں
hybrid;hybridization;hybrid seed | 杂交;杂交种;杂交育种 | ہائبرڈ
breeding;plant breeding;crop breeding | 育种;选育 | افزائش نسل
germplasm | 种质;种质资源 | جرم پلازم
high yield;high-yielding;yield | 高产;产量;单产 | زیادہ پیداوار;پیداوار
drought tolerance;drought resistant;drought-tolerant | 抗旱;耐旱 | خشک سالی برداشت
heat tolerance;heat tolerant;heat-tolerant;high temperature tolerance | 耐高温;耐热 | گرمی برداشت
salt tolerance;salt tolerant;saline tolerant;salinity tolerant | 耐盐;耐盐碱;抗盐 | نمک برداشت
disease resistance;disease resistant;pest resistant | 抗病;抗病虫 | بیماری مزاحمت
genome editing;gene editing;crispr | 基因编辑 | جین ایڈیٹنگ
molecular breeding;marker assisted selection | 分子育种;分子标记 | مالیکیولر افزائش
# --- agriculture: irrigation & water saving
drip irrigation;trickle irrigation;micro irrigation;micro-irrigation | 滴灌;滴灌技术;微灌 | ڈرپ آبپاشی;قطرہ آبپاشی
sprinkler irrigation;sprinkler | 喷灌 | فوارہ آبپاشی;سپرنکلر
irrigation | 灌溉;水利灌溉;浇灌 | آبپاشی
water saving;water-saving;water efficiency;water conservation | 节水;节水灌溉 | پانی کی بچت
fertigation;water and fertilizer integration | 水肥一体化 | فرٹیگیشن
greenhouse | 温室;大棚 | گرین ہاؤس
soil moisture sensor;soil moisture | 土壤墒情;土壤湿度 | مٹی کی نمی
fertilizer;fertiliser | 肥料;化肥 | کھاد
pesticide | 农药 | کیڑے مار دوا
precision agriculture;smart agriculture;smart farming | 精准农业;智慧农业 | سمارٹ زراعت
agriculture;farming;agricultural | 农业;农业生产 | زراعت
crop;crops | 作物;农作物 | فصل;فصلیں
orchard;fruit | 果园;水果 | باغ;پھل
vegetable;vegetables | 蔬菜 | سبزی;سبزیاں
# --- farm machinery
farm machinery;agricultural machinery | 农业机械;农机 | زرعی مشینری
tractor | 拖拉机 | ٹریکٹر
harvester;combine harvester | 收割机;联合收割机 | ہارویسٹر
rice transplanter | 插秧机 | دھان کی پنیری لگانے والی مشین
agricultural drone;crop spraying drone;plant protection drone | 植保无人机;农业无人机 | زرعی ڈرون
# --- livestock, fisheries, food
livestock;animal husbandry | 畜牧;畜牧业;牲畜 | مویشی;مال مویشی
dairy;milk | 乳制品;牛奶;奶业 | دودھ;ڈیری
cattle;cow;cows | 牛;奶牛;肉牛 | گائے;مویشی
poultry;chicken | 家禽;养鸡 | پولٹری;مرغی
veterinary;animal health | 兽医;兽药;动物疫病 | ویٹرنری
foot and mouth disease;fmd | 口蹄疫 | منہ کھر کی بیماری
feed;fodder;animal feed | 饲料 | چارہ
aquaculture;fish farming | 水产养殖;养殖 | آبی زراعت;مچھلی فارمنگ
fisheries;fishery;fishing | 渔业;捕捞 | ماہی گیری
shrimp;prawn | 虾;对虾 | جھینگا
food processing | 食品加工;农产品加工 | خوراک کی پروسیسنگ
food safety | 食品安全 | غذائی تحفظ
drying;dryer;dehydration | 烘干;干燥;烘干机 | خشک کرنا;ڈرائر
packaging | 包装 | پیکیجنگ
post-harvest;postharvest;post harvest loss | 采后;产后损失 | فصل کے بعد
cold chain;cold-chain | 冷链;冷链物流 | کولڈ چین
cold storage;refrigerated storage;cold room | 冷库;冷藏;冷藏库 | کولڈ اسٹوریج
refrigeration;refrigerated truck;reefer | 制冷;冷藏车 | ریفریجریشن
# --- energy
solar;solar energy;solar power | 太阳能 | شمسی توانائی;سولر
photovoltaic;pv;solar pv;solar photovoltaic | 光伏;光伏发电 | فوٹو وولٹائک;پی وی
solar panel;pv module;solar module;pv panel | 光伏组件;太阳能电池板;光伏板;组件 | سولر پینل
solar pump;solar water pump;solar pumping;pv pump;solar pv pump;solar-powered pump;solar powered pump;solar irrigation pump;solar pumping system | 光伏水泵;太阳能水泵;光伏扬水;光伏提水 | سولر پمپ;شمسی پمپ
inverter;pv inverter | 逆变器 | انورٹر
pump;water pump | 水泵;泵 | پمپ
off-grid;off grid;mini-grid;microgrid | 离网;微电网 | آف گرڈ
wind power;wind energy;wind turbine;wind farm | 风电;风力发电;风机;风电场 | ہوا سے بجلی;ونڈ ٹربائن
hydropower;hydroelectric;hydro power;small hydropower | 水电;水力发电;水电站;小水电 | پن بجلی
dam | 大坝;水坝 | ڈیم
energy storage;storage system | 储能;储能系统 | توانائی ذخیرہ
battery;batteries | 电池;蓄电池 | بیٹری
lithium battery;lithium-ion;li-ion;lithium iron phosphate;lfp | 锂电池;锂离子电池;磷酸铁锂 | لیتھیم بیٹری
power grid;grid;electricity grid;transmission line | 电网;输电;输电线路;电力网 | بجلی کا گرڈ;گرڈ
smart meter;smart metering | 智能电表 | سمارٹ میٹر
uhv;ultra high voltage | 特高压 | انتہائی ہائی وولٹیج
energy efficiency;energy saving;energy-saving | 节能;能效;节能减排 | توانائی کی بچت
waste heat recovery | 余热回收;余热发电 | ویسٹ ہیٹ ریکوری
electricity;power generation | 电力;发电 | بجلی
coal;coal power | 煤炭;燃煤;煤电 | کوئلہ
biogas;biomass | 沼气;生物质 | بائیو گیس
hydrogen;green hydrogen;fuel cell | 氢能;氢燃料电池;燃料电池 | ہائیڈروجن
electric vehicle;ev;evs;electric vehicles;new energy vehicle;nev | 新能源汽车;电动汽车;电动车 | برقی گاڑی;الیکٹرک گاڑی
charging station;charging pile;ev charger | 充电桩;充电站 | چارجنگ اسٹیشن
electric bus;e-bus | 电动公交;电动大巴 | الیکٹرک بس
electric motorcycle;electric two-wheeler;e-bike | 电动摩托车;电动两轮车 | الیکٹرک موٹر سائیکل
# --- health
vaccine;vaccines;vaccination;immunization;immunisation | 疫苗;疫苗接种;免疫接种 | ویکسین;ٹیکہ
biomedicine;biopharmaceutical;biopharma;biologics | 生物医药;生物制药;生物制品 | حیاتیاتی ادویات
medicine;drug;pharmaceutical;pharmaceuticals | 药品;医药;药物;制药 | دوا;ادویات
diagnostics;diagnostic;in vitro diagnostics;ivd | 诊断;体外诊断 | تشخیص
test kit;rapid test;detection kit;reagent | 检测试剂盒;试剂盒;快速检测;试剂 | ٹیسٹ کٹ
pcr;nucleic acid test | 核酸检测;PCR | پی سی آر
medical device;medical devices;medical equipment | 医疗器械;医疗设备 | طبی آلات
ultrasound;imaging;ct scanner;mri | 超声;医学影像 | الٹراساؤنڈ
hospital;clinic | 医院;诊所 | ہسپتال
telemedicine;remote consultation;telehealth | 远程医疗;互联网医院 | ٹیلی میڈیسن
traditional chinese medicine;tcm;herbal medicine;herbal | 中医药;中药;中草药;草药 | جڑی بوٹیوں کی دوا;طب
drug discovery;new drug development | 新药研发;药物研发;新药 | ادویات کی دریافت
clinical trial;clinical trials | 临床试验 | کلینیکل ٹرائل
hepatitis | 肝炎;乙肝;丙肝 | ہیپاٹائٹس
tuberculosis;tb | 结核病;结核 | تپ دق
dengue | 登革热 | ڈینگی
polio | 脊髓灰质炎;小儿麻痹 | پولیو
rabies | 狂犬病 | ریبیز
cold chain vaccine storage;vaccine cold chain | 疫苗冷链 | ویکسین کولڈ چین
# --- digital
artificial intelligence;ai;a.i | 人工智能;AI | مصنوعی ذہانت
machine learning;deep learning;neural network | 机器学习;深度学习;神经网络 | مشین لرننگ
computer vision;image recognition | 计算机视觉;图像识别 | کمپیوٹر ویژن
natural language processing;nlp;machine translation | 自然语言处理;机器翻译 | مشینی ترجمہ
big data;data analytics;data analysis | 大数据;数据分析 | بگ ڈیٹا
cloud computing;cloud;cloud platform | 云计算;云平台;云服务 | کلاؤڈ کمپیوٹنگ
data center;data centre | 数据中心 | ڈیٹا سینٹر
fintech;financial technology | 金融科技 | فن ٹیک
mobile payment;digital payment;e-payment | 移动支付;电子支付;数字支付 | موبائل ادائیگی
blockchain | 区块链 | بلاک چین
traceability;tracing | 溯源;追溯;可追溯 | سراغ رسانی
e-commerce;ecommerce;online marketplace | 电子商务;电商;跨境电商 | ای کامرس
smart city;smart cities | 智慧城市 | سمارٹ سٹی
software;platform | 软件;平台 | سافٹ ویئر
app;mobile app;application software | 应用程序;手机应用;APP | ایپ
digital twin | 数字孪生 | ڈیجیٹل ٹوئن
# --- ICT
5g;fifth generation;5g network | 5G;第五代移动通信 | فائیو جی
4g;lte | 4G | فور جی
base station | 基站 | بیس اسٹیشن
mobile network;cellular network;mobile communication;telecom;telecommunication | 移动通信;通信网络;电信 | موبائل نیٹ ورک;ٹیلی کام
internet of things;iot | 物联网 | انٹرنیٹ آف تھنگز
sensor;sensors | 传感器 | سینسر
optical fibre;optical fiber;fiber optic;fibre optic | 光纤;光缆;光纤通信 | آپٹیکل فائبر
broadband | 宽带 | براڈ بینڈ
satellite | 卫星 | سیٹلائٹ
beidou;bds;gnss;satellite navigation;gps | 北斗;北斗导航;卫星导航 | بیدو;سیٹلائٹ نیویگیشن
surveillance;cctv;video surveillance;monitoring camera | 监控;视频监控;安防 | نگرانی;سی سی ٹی وی
cybersecurity;cyber security;network security;information security | 网络安全;信息安全 | سائبر سیکیورٹی
safe city;public security | 平安城市;公共安全 | سیف سٹی
# --- industry
new materials;advanced materials;novel materials | 新材料;先进材料 | نئے مواد;جدید مواد
composite;composite material;composites | 复合材料 | مرکب مواد
graphene | 石墨烯 | گرافین
textile;textiles | 纺织;纺织品;纺织业 | ٹیکسٹائل;کپڑا
spinning;yarn | 纺纱;纱线 | کتائی;دھاگہ
weaving;loom | 织造;织布;织机 | بنائی;کھڈی
dyeing;printing and dyeing;dyes | 印染;染色;染料 | رنگائی
garment;apparel;clothing | 服装;成衣 | ملبوسات
denim | 牛仔布 | ڈینم
robot;robotics;industrial robot | 机器人;工业机器人 | روبوٹ
automation;automated;automatic | 自动化;自动 | آٹومیشن
plc;programmable logic controller | 可编程控制器;PLC | پی ایل سی
integrated circuit;chip;chips;microchip | 集成电路;芯片 | انٹیگریٹڈ سرکٹ;چپ
semiconductor;semiconductors | 半导体 | سیمی کنڈکٹر
cnc;machine tool;cnc machine | 数控;机床;数控机床 | سی این سی مشین
equipment;machinery | 设备;装备;机械 | سازوسامان;مشینری
steel | 钢铁;钢材 | سٹیل
cement | 水泥 | سیمنٹ
3d printing;additive manufacturing | 3D打印;增材制造 | تھری ڈی پرنٹنگ
leather | 皮革 | چمڑا
# --- natural resources
mining;mine | 采矿;矿山;开采 | کان کنی
mineral;minerals;ore | 矿产;矿物;矿石 | معدنیات
copper | 铜;铜矿 | تانبا
gold | 金矿;黄金 | سونا
coal mining | 煤矿 | کوئلے کی کان کنی
desalination;seawater desalination;desalinization | 海水淡化;淡化 | نمکین پانی صاف کرنا;ڈی سیلینیشن
reverse osmosis;ro membrane | 反渗透;反渗透膜 | ریورس اوسموسس
water treatment;water purification | 水处理;净水;水净化 | پانی کی صفائی
drinking water;potable water;safe drinking water | 饮用水;安全饮水 | پینے کا پانی
groundwater | 地下水 | زیر زمین پانی
wastewater;sewage;waste water | 污水;废水;污水处理 | گندا پانی;فضلہ پانی
water resources;water supply | 水资源;供水 | آبی وسائل;پانی کی فراہمی
environmental protection;environment | 环境保护;环保;生态环境 | ماحولیاتی تحفظ;ماحول
pollution;pollution control | 污染;污染治理 | آلودگی
air quality;air pollution;emission | 空气质量;大气污染;排放 | فضائی آلودگی
solid waste;waste management;garbage | 固体废物;垃圾处理;垃圾 | ٹھوس فضلہ;کچرا
recycling | 回收;再生利用;资源化 | ری سائیکلنگ
# --- earth & space
earthquake;seismic | 地震 | زلزلہ
earthquake early warning;seismic early warning;eew | 地震预警 | زلزلے کی پیشگی وارننگ
early warning;early warning system | 预警;报警 | پیشگی انتباہ
earthquake monitoring;seismic monitoring;seismograph;seismometer | 地震监测;地震仪;测震 | زلزلے کی نگرانی
monitoring | 监测;检测 | نگرانی
disaster mitigation;disaster reduction;disaster prevention;disaster risk reduction | 防灾减灾;减灾;防灾 | آفات سے بچاؤ
disaster | 灾害;自然灾害 | آفت;قدرتی آفات
flood;floods;flooding | 洪水;洪涝;防洪 | سیلاب
landslide;landslides | 滑坡;山体滑坡 | لینڈ سلائیڈ
glacier;glacial lake outburst flood;glof | 冰川;冰湖溃决 | گلیشیئر
remote sensing;earth observation;satellite imagery | 遥感;对地观测;卫星遥感;遥感影像 | ریموٹ سینسنگ
gis;geographic information system | 地理信息系统;地理信息;GIS | جی آئی ایس
mapping;surveying | 测绘;测量 | نقشہ سازی
ocean;marine;oceanography | 海洋;海洋观测;海洋科学 | سمندر;سمندری
space;aerospace;spacecraft | 航天;航空航天;航天器 | خلا;خلائی
satellite launch | 卫星发射 | سیٹلائٹ لانچ
drone;uav;unmanned aerial vehicle | 无人机 | ڈرون
aviation;aircraft;aeronautics | 航空;飞机 | ہوابازی
weather;meteorology;weather forecasting | 气象;天气预报 | موسم;موسمیات
climate change | 气候变化 | موسمیاتی تبدیلی
# --- transport
railway;rail;railways | 铁路;轨道交通 | ریلوے
metro;subway;urban rail;light rail | 地铁;城市轨道交通;轻轨 | میٹرو
locomotive;rolling stock | 机车;车辆;动车 | انجن;لوکوموٹو
signalling;railway signalling | 信号系统 | سگنلنگ
highway;road;motorway | 公路;高速公路;道路 | شاہراہ;سڑک;موٹروے
bridge;bridges | 桥梁 | پل
tunnel | 隧道 | سرنگ
logistics;supply chain | 物流;供应链 | لاجسٹکس;سپلائی چین
warehouse;warehousing | 仓储;仓库 | گودام
port;seaport | 港口 | بندرگاہ
truck;trucks;freight | 卡车;货运 | ٹرک;مال برداری
# --- education
vocational training;technical training;skills training;tvet | 职业培训;职业教育;技能培训 | پیشہ ورانہ تربیت;فنی تربیت
training;capacity building | 培训;能力建设 | تربیت
university;college | 大学;高校;学院 | یونیورسٹی;جامعہ
laboratory;lab | 实验室 | لیبارٹری
stem education;science education | 科学教育;STEM教育 | سائنس کی تعلیم
e-learning;online education;distance learning | 在线教育;远程教育 | آن لائن تعلیم
technician;engineer;engineers | 技术人员;工程师 | ٹیکنیشن;انجینئر
# --- cross-cutting
technology transfer | 技术转移;技术转让 | ٹیکنالوجی کی منتقلی
localization;local production;local manufacturing | 本地化;本土化 | مقامی پیداوار
low cost;low-cost;affordable;cost-effective | 低成本;经济实惠 | کم لاگت;سستا
remote monitoring | 远程监控;远程监测 | ریموٹ نگرانی
real-time;real time | 实时 | حقیقی وقت
village;rural;farmers | 农村;乡村;农民 | دیہات;دیہی;کسان
quality control;quality inspection | 质量控制;质检 | کوالٹی کنٹرول
# --- general vocabulary found missing on the tuning needs (issue 10): Urdu words of everyday
# technical writing, and common terms of the field in all three languages. Inflected Urdu forms
# (plural, oblique) are not listed: urduBaseForm maps them to these entries.
test kit | | ٹیسٹ کٹس;ریپڈ ٹیسٹ;ریپڈ ٹیسٹ کٹ
primary health care;health centre;health center;basic health unit | 基层医疗;基层医疗机构;卫生院 | بنیادی مرکز صحت;مرکز صحت;مراکز صحت
licence;license;licensing | 许可;授权;许可证 | لائسنس
flash flood;flash floods;mountain torrent | 山洪;山洪灾害 | اچانک سیلاب;سیلابی ریلا
rainfall;rain;rain gauge;precipitation | 降雨;降水;雨量 | بارش
water level | 水位 | پانی کی سطح
river;rivers;stream | 河流;河道;溪流 | دریا;ندی;ندی نالے
mountain;mountains;mountainous | 山区;山地 | پہاڑ;پہاڑی;پہاڑی علاقے
mobile phone;smartphone;cell phone | 手机;智能手机 | موبائل فون;اسمارٹ فون
early warning | | الرٹ;انتباہ
automation | | خودکار
disaster | | ڈیزاسٹر
arsenic | 砷;除砷 | آرسینک
fluoride | 氟;除氟 | فلورائیڈ
filtration;filter;water filter | 过滤;过滤器;净水器 | فلٹریشن;فلٹر
low cost | | کم قیمت
insect resistant;insect-resistant;insect resistance | 抗虫 | کیڑوں کے خلاف مزاحم;کیڑوں سے مزاحم
whitefly | 粉虱;白粉虱 | سفید مکھی
bollworm;pink bollworm | 棉铃虫;红铃虫 | سنڈی;گلابی سنڈی
pest;pests;insect pests | 害虫;虫害 | کیڑا;کیڑے
variety;varieties;cultivar | 品种 | قسم;اقسام
seed production;seed multiplication | 制种;种子生产;繁种 | بیج سازی;بیج کی افزائش
temperature | 温度;气温 | درجہ حرارت
tissue culture | 组织培养;组培 | ٹشو کلچر
date palm;dates | 椰枣 | کھجور
image;photo;photograph | 图像;照片;图片 | تصویر
leaf;leaves | 叶片;叶子 | پتا;پتہ
identification;recognition | 识别 | شناخت;پہچان
agricultural extension;extension service;extension worker | 农技推广;农业推广 | زرعی توسیع;توسیعی ادارہ
joint research;research cooperation | 联合研究;合作研究 | مشترکہ تحقیق
data | 数据 | ڈیٹا
# --- fresh-heldout round (needs 01-62 tune): the Urdu for two general words, found missing on the
# tuning part and kept because each alone raised its recall@10 without lowering nDCG@10 at either size.
# Tried with them and dropped (no gain, or a loss, on the tuning part): tube well ٹیوب ویل, diesel
# ڈیزل, pumping پمپنگ, mobile موبائل, disease بیماری / 病害, pests and diseases 病虫害.
water | | پانی;واٹر
local | 当地;本地 | مقامی
`;
