// Plausible Chinese names for generated counties: people, towns, villages and county bureaus.
// Names need not be unique (real counties have several 李明 and two 新村); ids are.

import type { Random } from './prng.ts';

// The most common surnames, roughly in order of frequency (the front of the list is drawn more).
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN = [
  ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强志明海燕红梅玉兰春梅文军金凤德明永红晓东小平国庆卫东爱华淑珍桂芳振华宏伟',
];
const PLACE = [
  ...'东西南北新安平和兴隆丰宁清水石桥青山河口龙泉黄田白沙长岭大坪小溪金鸡凤凰松柏梅花红星胜利前进团结光明太平永安富民双龙三江五里十里高峰塘坑坝湾岗冲',
];
const PLACE_TAIL = [...'坪岭村坑塘湾口桥铺'];

export const BUREAUS = [
  '教育局',
  '公安局',
  '卫生局',
  '民政局',
  '财政局',
  '人力资源和社会保障局',
  '国土资源局',
  '住房和城乡建设局',
  '交通运输局',
  '水利局',
  '农业局',
  '林业局',
  '商务局',
  '文化广电新闻出版局',
  '统计局',
  '审计局',
  '环境保护局',
  '工商行政管理局',
  '质量技术监督局',
  '食品药品监督管理局',
  '安全生产监督管理局',
  '发展和改革局',
  '经济和信息化局',
  '科学技术局',
  '司法局',
  '监察局',
  '人口和计划生育局',
  '旅游局',
  '粮食局',
  '畜牧兽医局',
  '供销合作社',
  '国家税务局',
  '地方税务局',
  '人民法院',
  '人民检察院',
  '妇女联合会',
  '总工会',
  '共青团委员会',
  '人民医院',
  '中医院',
  '妇幼保健院',
  '疾病预防控制中心',
  '电力公司',
  '邮政局',
  '电信公司',
  '移动公司',
  '农村信用合作联社',
  '农业银行支行',
  '建设银行支行',
  '工商银行支行',
  '烟草专卖局',
  '气象局',
  '档案局',
  '机关事务管理局',
  '政府办公室',
  '县委办公室',
  '组织部',
  '宣传部',
  '统战部',
  '政法委员会',
];

/** Favours the front of a list, as real surname frequencies do. */
function front<T>(r: Random, items: readonly T[]): T {
  const x = r.float();
  return items[Math.floor(x * x * items.length)]!;
}

export function personName(r: Random): string {
  const given = r.chance(0.3) ? r.pick(GIVEN) : r.pick(GIVEN) + r.pick(GIVEN);
  return front(r, SURNAMES) + given;
}

export function placeName(r: Random): string {
  return r.pick(PLACE) + (r.chance(0.5) ? r.pick(PLACE) : r.pick(PLACE_TAIL));
}
