import { type CodeTable, codeTable } from "./table";

// GB 3304-1991 中国各民族名称的罗马字母拼写法和代码: the 56 groups, plus 97 其他 and
// 98 外国血统中国籍人士. Aliases: the name without 族 (汉 → 汉族), the romanisation, and the
// common misspellings secretaries meet (维族, 维吾尔, 土家, 朝族 …).
const GROUPS: ReadonlyArray<readonly [string, string, string, ...string[]]> = [
  ["01", "汉族", "Han"],
  ["02", "蒙古族", "Mongol", "蒙族", "蒙古"],
  ["03", "回族", "Hui"],
  ["04", "藏族", "Zang"],
  ["05", "维吾尔族", "Uygur", "维族", "维吾尔", "维吾族", "维吾儿族"],
  ["06", "苗族", "Miao"],
  ["07", "彝族", "Yi", "夷族", "彝"],
  ["08", "壮族", "Zhuang", "僮族"],
  ["09", "布依族", "Buyei", "布衣族"],
  ["10", "朝鲜族", "Chosen", "朝族"],
  ["11", "满族", "Man", "满州族", "满洲族"],
  ["12", "侗族", "Dong"],
  ["13", "瑶族", "Yao"],
  ["14", "白族", "Bai"],
  ["15", "土家族", "Tujia", "土家"],
  ["16", "哈尼族", "Hani"],
  ["17", "哈萨克族", "Kazak", "哈族", "哈萨克"],
  ["18", "傣族", "Dai"],
  ["19", "黎族", "Li"],
  ["20", "傈僳族", "Lisu", "僳僳族", "傈傈族"],
  ["21", "佤族", "Va", "佧佤族"],
  ["22", "畲族", "She", "畬族", "佘族"],
  ["23", "高山族", "Gaoshan"],
  ["24", "拉祜族", "Lahu"],
  ["25", "水族", "Sui"],
  ["26", "东乡族", "Dongxiang"],
  ["27", "纳西族", "Naxi"],
  ["28", "景颇族", "Jingpo"],
  ["29", "柯尔克孜族", "Kirgiz", "柯族"],
  ["30", "土族", "Tu"],
  ["31", "达斡尔族", "Daur", "达翰尔族"],
  ["32", "仫佬族", "Mulao"],
  ["33", "羌族", "Qiang"],
  ["34", "布朗族", "Blang"],
  ["35", "撒拉族", "Salar"],
  ["36", "毛南族", "Maonan", "毛难族"],
  ["37", "仡佬族", "Gelao"],
  ["38", "锡伯族", "Xibe"],
  ["39", "阿昌族", "Achang"],
  ["40", "普米族", "Pumi"],
  ["41", "塔吉克族", "Tajik"],
  ["42", "怒族", "Nu"],
  ["43", "乌孜别克族", "Uzbek"],
  ["44", "俄罗斯族", "Russ"],
  ["45", "鄂温克族", "Ewenki"],
  ["46", "德昂族", "Deang", "崩龙族"],
  ["47", "保安族", "Bonan"],
  ["48", "裕固族", "Yugur"],
  ["49", "京族", "Gin"],
  ["50", "塔塔尔族", "Tatar"],
  ["51", "独龙族", "Derung"],
  ["52", "鄂伦春族", "Oroqen"],
  ["53", "赫哲族", "Hezhen"],
  ["54", "门巴族", "Monba"],
  ["55", "珞巴族", "Lhoba"],
  ["56", "基诺族", "Jino"],
];

/** Single-character names that are also the group name without 族 (水, 土, 京 …) are kept. */
function withoutZu(name: string): string[] {
  return name.endsWith("族") && name.length > 1 ? [name.slice(0, -1)] : [];
}

export const ETHNICITY: CodeTable = codeTable("ethnicity", "GB 3304-1991", [
  ...GROUPS.map(
    ([code, name, roman, ...more]) => [code, name, ...withoutZu(name), roman, `${roman} zu`, ...more] as [string, string, ...string[]],
  ),
  ["97", "其他", "其它", "其他族", "未识别民族"],
  ["98", "外国血统中国籍人士", "外国血统", "入籍"],
]);
