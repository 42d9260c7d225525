import { codeTable } from "./table";

// GB/T 4762-1984 政治面貌代码 (as revised in use: 01–13). The standard gives each a full name and
// a short name (简称); rosters and the 学信网 upload use the short name, so that is the name here
// and the full name is equally correct. 党员, 团员 and the like are aliases.
const table = codeTable("politicalStatus", "GB/T 4762", [
  ["01", "中共党员", "中国共产党党员", "党员", "共产党员"],
  ["02", "中共预备党员", "中国共产党预备党员", "预备党员"],
  ["03", "共青团员", "中国共产主义青年团团员", "团员", "青年团员"],
  ["04", "民革会员", "中国国民党革命委员会会员", "民革"],
  ["05", "民盟盟员", "中国民主同盟盟员", "民盟"],
  ["06", "民建会员", "中国民主建国会会员", "民建"],
  ["07", "民进会员", "中国民主促进会会员", "民进"],
  ["08", "农工党党员", "中国农工民主党党员", "农工党"],
  ["09", "致公党党员", "中国致公党党员", "致公党"],
  ["10", "九三学社社员", "九三学社"],
  ["11", "台盟盟员", "台湾民主自治同盟盟员", "台盟"],
  ["12", "无党派民主人士", "无党派人士", "无党派"],
  ["13", "群众", "普通公民", "普通居民", "无"],
]);

/** Full names (the second spelling of 01–09 and 11–12) are as correct as the short ones. */
export const POLITICAL_STATUS = {
  ...table,
  entries: table.entries.map((e) => {
    const full = e.aliases[0] as string;
    return full.length > e.name.length && !["10", "13"].includes(e.code) ? { ...e, alsoCorrect: [full], aliases: e.aliases.slice(1) } : e;
  }),
};
