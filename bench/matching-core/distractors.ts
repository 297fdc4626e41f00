/**
 * Distractor offers for the quality-at-scale evaluation (docs/matching-quality.md §6).
 *
 * `syntheticOffers` (synthetic.ts) is a *load* generator: it builds every offer from the very
 * technology phrases the graded offers and needs use ("earthquake early warning, seismic monitoring",
 * "冷库"), in the needs' sub-sectors, so hundreds of its offers are genuinely about a graded need's
 * technology. Counting them as irrelevant (grade 0) measures the grader, not the engine.
 *
 * These distractors are what a larger real catalogue adds around a need: offers in the *same*
 * sectors and sub-sectors (so sector fit, TRL, budget, region and mode can all be perfect) about
 * *other* technologies of that sector, written with their own vocabulary, sharing with the needs only
 * the general words of technology listings (system, training, low cost, remote monitoring, energy
 * saving, rural areas…), who the offer is for (farmers, hospitals, schools…) and now and then a word of
 * the sector (solar, wheat, satellite, recycling…).
 * Each topic was checked against every need of test/fixtures/matching (tuning and held-out) so that
 * none serves any of them — grading them 0 is then right. Half of them are in Chinese, like the
 * catalogue; nothing is copied from the graded offers.
 */
import { COOPERATION_MODES, SECTORS } from '@techbridge/taxonomy';
import type { OfferDoc } from '@techbridge/matching-core';
import { mulberry32 } from './synthetic';

interface Topic {
  en: string;
  zh: string;
  /** three technical phrases of the topic */
  enF: [string, string, string];
  zhF: [string, string, string];
}

const t = (en: string, zh: string, enF: [string, string, string], zhF: [string, string, string]): Topic => ({
  en,
  zh,
  enF,
  zhF,
});

/** Other technologies of each top-level sector (none of them is asked for by a need of the evaluation set). */
const TOPICS: Record<string, Topic[]> = {
  agriculture: [
    t(
      'Tea leaf withering and rolling machines',
      '茶叶萎凋揉捻机',
      ['green tea fixation drum', 'leaf rolling table', 'tea grading sieve'],
      ['绿茶杀青滚筒', '揉捻台', '茶叶分级筛'],
    ),
    t(
      'Silkworm rearing and cocoon reeling',
      '桑蚕养殖与缫丝',
      ['mulberry leaf feeding racks', 'cocoon drying kiln', 'automatic silk reeling'],
      ['桑叶喂养架', '蚕茧烘干', '自动缫丝机'],
    ),
    t(
      'Beekeeping hives and honey extraction',
      '蜂箱与蜂蜜提取设备',
      ['movable frame hives', 'centrifugal honey extractor', 'queen bee breeding'],
      ['活框蜂箱', '离心摇蜜机', '蜂王培育'],
    ),
    t(
      'Poultry egg incubators',
      '禽蛋孵化设备',
      ['automatic egg turning', 'hatchery humidity control', 'chick sexing'],
      ['自动翻蛋', '孵化室湿度控制', '雏鸡雌雄鉴别'],
    ),
    t(
      'Peanut shelling and roasting',
      '花生脱壳与烘烤设备',
      ['peanut sheller', 'roasting drum', 'peanut butter grinding'],
      ['花生脱壳机', '烘烤滚筒', '花生酱研磨'],
    ),
    t(
      'Bamboo shoot and bamboo fibre processing',
      '竹笋与竹纤维加工',
      ['bamboo splitting machine', 'shoot peeling line', 'bamboo charcoal kiln'],
      ['破竹机', '竹笋剥壳线', '竹炭窑'],
    ),
    t(
      'Rubber tapping and latex processing',
      '橡胶割胶与胶乳加工',
      ['electric tapping knife', 'latex coagulation tank', 'sheet rubber smoking'],
      ['电动割胶刀', '胶乳凝固池', '烟胶片熏制'],
    ),
    t(
      'Pet food extrusion lines',
      '宠物食品膨化生产线',
      ['twin-screw extruder', 'kibble coating drum', 'pet treat moulding'],
      ['双螺杆膨化机', '颗粒喷涂滚筒', '宠物零食成型'],
    ),
  ],
  energy: [
    t(
      'Ground-source heat pumps for buildings',
      '建筑地源热泵',
      ['borehole heat exchanger', 'underfloor heating', 'heat pump controller'],
      ['地埋管换热器', '地板采暖', '热泵控制器'],
    ),
    t(
      'Solar water heaters for hotels',
      '酒店太阳能热水器',
      ['evacuated tube collector', 'hot water tank', 'thermosiphon circulation'],
      ['真空管集热器', '保温水箱', '自然循环'],
    ),
    t(
      'LED street lighting retrofit',
      'LED路灯节能改造',
      ['LED luminaire', 'dimming street lamp controller', 'lamp pole replacement'],
      ['LED灯具', '路灯调光控制器', '灯杆更换'],
    ),
    t(
      'Transformer oil regeneration',
      '变压器油再生处理',
      ['vacuum oil purifier', 'dissolved gas analysis', 'insulating oil filtration'],
      ['真空滤油机', '油中溶解气体分析', '绝缘油过滤'],
    ),
    t(
      'Power line inspection robots',
      '输电线路巡检机器人',
      ['overhead line crawler', 'insulator defect camera', 'tower climbing robot'],
      ['架空线路爬行机器人', '绝缘子缺陷相机', '爬塔机器人'],
    ),
    t(
      'Cement kiln waste heat power',
      '水泥窑余热发电',
      ['waste heat boiler', 'clinker cooler heat recovery', 'low-temperature steam turbine'],
      ['余热锅炉', '熟料冷却机余热回收', '低温汽轮机'],
    ),
    t(
      'Clean coal briquettes for household stoves',
      '民用洁净型煤',
      ['briquette press', 'low-smoke binder', 'clean stove design'],
      ['型煤压块机', '低烟黏结剂', '清洁炉具设计'],
    ),
  ],
  health: [
    t(
      'Dental implants and dental chairs',
      '牙科种植体与牙椅',
      ['titanium dental implant', 'dental chair unit', 'intraoral scanner'],
      ['钛种植体', '牙科综合治疗台', '口内扫描仪'],
    ),
    t(
      'Hearing aids',
      '助听器',
      ['behind-the-ear hearing aid', 'audiometry booth', 'hearing aid fitting software'],
      ['耳背式助听器', '听力测试室', '验配软件'],
    ),
    t(
      'Rehabilitation exoskeleton',
      '康复外骨骼机器人',
      ['lower limb exoskeleton', 'gait training', 'stroke rehabilitation'],
      ['下肢外骨骼', '步态训练', '中风康复'],
    ),
    t(
      'Medical waste autoclaves',
      '医疗废物高温蒸汽处理',
      ['steam sterilisation of clinical waste', 'shredder for sharps', 'waste tracking labels'],
      ['医疗废物蒸汽灭菌', '利器粉碎机', '废物追踪标签'],
    ),
    t(
      'Acupuncture needles and moxibustion devices',
      '针灸针与艾灸设备',
      ['sterile acupuncture needles', 'smokeless moxa', 'electro-acupuncture stimulator'],
      ['无菌针灸针', '无烟艾条', '电针治疗仪'],
    ),
    t(
      'Contact lenses and spectacle lens grinding',
      '隐形眼镜与镜片加工',
      ['soft contact lens moulding', 'lens edging machine', 'optometry chart'],
      ['软性隐形眼镜模压', '磨边机', '验光视力表'],
    ),
  ],
  digital: [
    t(
      'Electronic invoicing for tax authorities',
      '电子发票系统',
      ['e-invoice platform', 'VAT reconciliation', 'invoice verification app'],
      ['电子发票平台', '增值税核对', '发票查验'],
    ),
    t(
      'Smart parking guidance',
      '智慧停车诱导系统',
      ['parking space sensors', 'licence plate recognition gate', 'parking payment app'],
      ['车位传感器', '车牌识别道闸', '停车缴费'],
    ),
    t(
      'Digital museum and virtual exhibitions',
      '数字博物馆与虚拟展厅',
      ['3D scanning of artefacts', 'virtual exhibition hall', 'museum guide app'],
      ['文物三维扫描', '虚拟展厅', '导览小程序'],
    ),
    t(
      'Payroll and HR software for factories',
      '工厂人力资源与薪酬软件',
      ['attendance terminal', 'payroll calculation', 'shift scheduling'],
      ['考勤终端', '薪酬计算', '排班管理'],
    ),
    t(
      'Hotel booking and property management',
      '酒店预订与管理系统',
      ['room booking engine', 'front desk check-in', 'housekeeping tablets'],
      ['客房预订引擎', '前台入住', '客房清洁平板'],
    ),
  ],
  ict: [
    t(
      'IPTV set-top boxes',
      'IPTV机顶盒',
      ['set-top box middleware', 'video on demand server', 'remote control'],
      ['机顶盒中间件', '视频点播服务器', '遥控器'],
    ),
    t(
      'Home Wi-Fi routers',
      '家用无线路由器',
      ['mesh router', 'parental control', 'router firmware'],
      ['组网路由器', '家长控制', '路由器固件'],
    ),
    t(
      'Liquid cooling for data centres',
      '数据中心液冷',
      ['immersion cooling tank', 'cold plate server', 'coolant distribution unit'],
      ['浸没式液冷', '冷板服务器', '冷却液分配单元'],
    ),
    t(
      'Smart card readers and RFID tags',
      '智能卡读写器与RFID标签',
      ['contactless card reader', 'UHF tag encoding', 'library self-checkout'],
      ['非接触读卡器', '超高频标签', '图书自助借还'],
    ),
    t(
      'Submarine cable repair services',
      '海缆维修服务',
      ['cable jointing', 'fault location on seabed', 'repair vessel'],
      ['海缆接头', '海底故障定位', '维修船'],
    ),
  ],
  industry: [
    t(
      'Ceramic tile roller kilns',
      '陶瓷砖辊道窑',
      ['glaze line', 'tile press', 'kiln burner tuning'],
      ['施釉线', '压砖机', '窑炉烧嘴调试'],
    ),
    t(
      'Glass tempering furnaces',
      '玻璃钢化炉',
      ['flat glass tempering', 'bending furnace', 'low-e coating'],
      ['平板钢化', '弯钢化炉', '低辐射镀膜'],
    ),
    t(
      'Footwear injection moulding',
      '制鞋注塑设备',
      ['sole injection machine', 'shoe upper stitching', 'EVA foaming'],
      ['鞋底注塑机', '鞋面缝制', 'EVA发泡'],
    ),
    t(
      'Straw pulp for paper mills',
      '麦草制浆造纸',
      ['wheat straw pulping', 'black liquor recovery', 'corrugated paper machine'],
      ['麦草制浆', '黑液回收', '瓦楞纸机'],
    ),
    t(
      'Aluminium extrusion presses',
      '铝型材挤压机',
      ['extrusion die', 'billet heater', 'anodising line'],
      ['挤压模具', '铝棒加热炉', '阳极氧化线'],
    ),
    t(
      'Furniture panel production',
      '板式家具生产线',
      ['edge banding machine', 'panel saw', 'melamine lamination'],
      ['封边机', '电子开料锯', '三聚氰胺贴面'],
    ),
  ],
  resources: [
    t(
      'Air quality monitoring stations',
      '空气质量监测站',
      ['PM2.5 analyser', 'ozone monitor', 'air quality index display'],
      ['颗粒物分析仪', '臭氧监测仪', '空气质量指数屏'],
    ),
    t(
      'Electronic waste precious metal recovery',
      '电子废物贵金属回收',
      ['circuit board dismantling', 'gold leaching', 'cable granulator'],
      ['线路板拆解', '金浸出', '电缆粉碎分选'],
    ),
    t(
      'Heavy metal soil remediation',
      '土壤重金属修复',
      ['soil washing', 'stabilisation agent', 'phytoremediation'],
      ['土壤淋洗', '固化稳定剂', '植物修复'],
    ),
    t(
      'Desertification control with sand barriers',
      '草方格沙障防沙治沙',
      ['straw checkerboard barriers', 'sand-fixing shrubs', 'dune stabilisation'],
      ['草方格沙障', '固沙灌木', '沙丘固定'],
    ),
    t(
      'Plastic bottle recycling to sheet',
      '废塑料瓶回收制片',
      ['bottle label remover', 'flake washing line', 'sheet extrusion'],
      ['瓶标剥离机', '瓶片清洗线', '片材挤出'],
    ),
  ],
  'earth-space': [
    t(
      'Radiosondes and weather balloons',
      '探空仪与探空气球',
      ['upper-air sounding', 'balloon filling shelter', 'sounding data software'],
      ['高空探测', '充球房', '探空数据软件'],
    ),
    t(
      'Planetarium projectors',
      '天文馆投影系统',
      ['dome projector', 'star field software', 'science show content'],
      ['球幕投影机', '星空软件', '科普节目'],
    ),
    t(
      'Commercial small-satellite launch',
      '商业小卫星发射服务',
      ['rideshare launch', 'payload adapter', 'launch insurance'],
      ['拼车发射', '有效载荷适配器', '发射保险'],
    ),
    t(
      'Lightning location network',
      '雷电定位网',
      ['lightning sensor', 'strike density map', 'thunderstorm nowcasting'],
      ['闪电传感器', '雷击密度图', '雷暴临近预报'],
    ),
    t(
      'Gravity and magnetic survey instruments',
      '重磁勘探仪器',
      ['gravimeter', 'proton magnetometer', 'airborne survey processing'],
      ['重力仪', '质子磁力仪', '航空物探数据处理'],
    ),
  ],
  transport: [
    t(
      'Airport baggage handling',
      '机场行李分拣系统',
      ['tilt-tray sorter', 'baggage reconciliation', 'early bag storage'],
      ['翻盘分拣机', '行李再确认', '早到行李存储'],
    ),
    t(
      'Truck tyre retreading',
      '卡车轮胎翻新',
      ['tread buffing', 'curing chamber', 'casing inspection'],
      ['胎面打磨', '硫化罐', '胎体检测'],
    ),
    t(
      'Metro ticket gates and fare cards',
      '地铁闸机与票卡',
      ['automatic fare gate', 'ticket vending machine', 'fare clearing'],
      ['自动检票闸机', '自动售票机', '票务清分'],
    ),
    t(
      'Road marking paint and machines',
      '道路标线涂料与划线机',
      ['thermoplastic road marking', 'glass beads', 'line striping machine'],
      ['热熔标线', '玻璃微珠', '划线机'],
    ),
    t(
      'Bridge cable inspection robots',
      '桥梁拉索检测机器人',
      ['stay cable climbing robot', 'corrosion imaging', 'cable force test'],
      ['斜拉索爬行机器人', '锈蚀成像', '索力检测'],
    ),
  ],
  education: [
    t(
      'Chinese language teaching',
      '汉语国际教学',
      ['HSK exam preparation', 'Chinese textbooks', 'online Chinese tutors'],
      ['汉语水平考试辅导', '汉语教材', '在线汉语教师'],
    ),
    t(
      'Interactive smart blackboards',
      '智慧黑板',
      ['touch display board', 'lesson recording', 'classroom screen sharing'],
      ['触控一体机', '课堂录播', '投屏'],
    ),
    t(
      'Driving school simulators',
      '驾校模拟器',
      ['driving simulator cockpit', 'driving test scoring', 'instructor console'],
      ['模拟驾驶舱', '驾考评判', '教练控制台'],
    ),
    t(
      'Music education instruments',
      '音乐教育器材',
      ['digital pianos for classrooms', 'music theory software', 'choir recording'],
      ['教学数码钢琴', '乐理软件', '合唱录音'],
    ),
  ],
};

/** General words of technology listings (shared with needs: "weakly related" at most). */
const EN_GENERAL = [
  'complete system',
  'low cost',
  'high efficiency',
  'energy saving',
  'remote monitoring',
  'operator training',
  'local assembly',
  'after-sales service',
  'for rural areas',
  'proven in the field',
  'design and installation',
  'spare parts supply',
];
const ZH_GENERAL = [
  '成套系统',
  '低成本',
  '高效率',
  '节能',
  '远程监控',
  '操作培训',
  '本地组装',
  '售后服务',
  '适用于农村地区',
  '已在现场验证',
  '设计与安装',
  '备件供应',
];
/** Who the offer is for, per sector (words the needs of that sector may use too: a weak overlap). */
const EN_CUSTOMERS: Record<string, string[]> = {
  agriculture: ['farmers', 'cooperatives', 'agribusiness'],
  energy: ['power utilities', 'industrial parks', 'households'],
  health: ['hospitals', 'clinics', 'patients'],
  digital: ['small businesses', 'government offices', 'retailers'],
  ict: ['telecom operators', 'police', 'universities'],
  industry: ['factories', 'SMEs', 'industrial parks'],
  resources: ['municipalities', 'factories', 'environmental agencies'],
  'earth-space': ['weather services', 'universities', 'survey companies'],
  transport: ['airports', 'bus operators', 'highway authorities'],
  education: ['schools', 'colleges', 'training centres'],
};
const ZH_CUSTOMERS: Record<string, string[]> = {
  agriculture: ['农户', '合作社', '农业企业'],
  energy: ['电力公司', '工业园区', '家庭'],
  health: ['医院', '诊所', '患者'],
  digital: ['中小企业', '政府部门', '零售商'],
  ict: ['电信运营商', '警方', '高校'],
  industry: ['工厂', '中小企业', '工业园区'],
  resources: ['市政', '工厂', '环保部门'],
  'earth-space': ['气象部门', '高校', '勘查单位'],
  transport: ['机场', '公交公司', '公路管理部门'],
  education: ['学校', '职业院校', '培训中心'],
};

const TOPS = Object.keys(TOPICS);
const SUBS = (top: string) => SECTORS.filter((s) => s.parent === top).map((s) => s.code);

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}
function shuffle<T>(r: () => number, xs: readonly T[]): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** The topics, for tests and the docs (each one a technology no need of the evaluation set asks for). */
export function distractorTopics(): Readonly<Record<string, readonly Topic[]>> {
  return TOPICS;
}

/**
 * `n` distractor offers (CN; ~45 % written in Chinese), deterministic for a seed. Each is one topic of
 * its top-level sector, filed under a random sub-sector of it (often the very sub-sector of a need).
 */
export function distractorOffers(n: number, seed = 42, zhShare = 0.45): OfferDoc[] {
  const r = mulberry32(seed);
  const out: OfferDoc[] = [];
  for (let i = 0; i < n; i++) {
    const top = pick(r, TOPS);
    const topic = pick(r, TOPICS[top]);
    const zh = r() < zhShare;
    const feats = shuffle(r, zh ? topic.zhF : topic.enF);
    const general = shuffle(r, zh ? ZH_GENERAL : EN_GENERAL).slice(0, 4);
    const word = pick(r, zh ? ZH_CUSTOMERS[top] : EN_CUSTOMERS[top]);
    const sep = zh ? '，' : ', ';
    const title = zh
      ? `${topic.zh}${r() < 0.5 ? general[0] : ''}`
      : `${topic.en}${r() < 0.5 ? ` – ${general[0]}` : ''}`;
    const summary = zh
      ? `${feats[0]}和${feats[1]}，${general[1]}。`
      : `${feats[0]} and ${feats[1]}, ${general[1]}.`;
    const description = zh
      ? `面向${word}的${topic.zh}：${feats.join(sep)}，${general.slice(2).join(sep)}。`
      : `${topic.en} for ${word}: ${feats.join(sep)}; ${general.slice(2).join(sep)}.`;
    const days = Math.floor(r() * 300);
    const pub = new Date(Date.UTC(2025, 2, 1) + days * 86_400_000).toISOString();
    const cur = pick(r, ['CNY', 'USD'] as const);
    const lo = Math.round((cur === 'CNY' ? 1e5 : 1.5e4) * (1 + r() * 50));
    out.push({
      id: `dis-offer-${String(i).padStart(6, '0')}`,
      enterpriseId: `dis-cn-${i % 5000}`,
      country: 'CN',
      title,
      summary,
      description,
      language: zh ? 'zh-Hans' : 'en',
      sectors: [pick(r, SUBS(top))],
      keywords: [zh ? topic.zh : topic.en, feats[2]],
      trl: 4 + Math.floor(r() * 6),
      iprStatus: 'patent-granted',
      cooperationModes: [
        ...new Set([pick(r, COOPERATION_MODES), pick(r, COOPERATION_MODES), pick(r, COOPERATION_MODES)]),
      ],
      price: r() < 0.8 ? { min: lo, max: lo * 3, currency: cur } : null,
      targetRegions: r() < 0.5 ? [] : [pick(r, ['PK-PB', 'PK-SD', 'PK-KP', 'PK-BA', 'PK-IS', 'PK-GB'])],
      validUntil: '2027-03-01T00:00:00Z',
      status: 'published',
      version: 1,
      publishedAt: pub,
      updatedAt: pub,
    });
  }
  return out;
}
