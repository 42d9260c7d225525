import { i18n } from "../../i18n";

/** The graduate photo's words (图像采集: the student card and the zip import on the graduation page). */
const zhCN = {
  photo: {
    title: "毕业生图像（学信网照片）",
    none: "尚未采集毕业照片。学历证书在照片采集前不能编号。",
    alt: "{{name}} 的毕业照片",
    measured: "{{width}}×{{height}} 像素，{{kb}} KB",
    blue: "蓝底",
    notChecked: "背景未检查（图像采集处只提供了尺寸）",
    requirement: "JPG，480×640 像素（宽×高），1–100 KB，蓝底。",
    upload: "上传照片",
    uploadFor: "上传 {{name}} 的毕业照片",
    uploaded: "已保存 {{name}} 的毕业照片。",
    tooBig: "“{{name}}”超过 {{mb}} MB，不是学信网照片。",
    import: {
      title: "批量导入毕业照片",
      note: "把照片文件夹压缩为 .zip 上传，每张照片以学号或身份证号命名（如 2022010001.jpg）。每张须为 JPG，480×640 像素，1–100 KB，蓝底；每批不超过 {{entries}} 张、{{mb}} MB。",
      choose: "选择压缩包",
      label: "选择照片压缩包（.zip）",
      running: "正在导入……",
      done: "“{{file}}”：匹配并保存 {{matched}} 张，不合格 {{refused}} 张，重复 {{duplicate}} 张，找不到学生 {{unknown}} 张。",
      col: { entry: "文件", result: "结果", student: "学生", why: "说明" },
      result: { matched: "已保存", refused: "不合格", duplicate: "重复（同一学生已有一张）", "unknown-student": "找不到学生" },
      unknownWhy: "没有学号或身份证号为“{{key}}”的本院学生",
    },
  },
};

const en: typeof zhCN = {
  photo: {
    title: "Graduate photo (for 学信网)",
    none: "No graduate photo yet. The certificate cannot be numbered until the photo is collected.",
    alt: "Graduate photo of {{name}}",
    measured: "{{width}}×{{height}} px, {{kb}} KB",
    blue: "blue background",
    notChecked: "background not checked (the photo collection gave the measurements only)",
    requirement: "JPG, 480×640 px (width×height), 1–100 KB, blue background.",
    upload: "Upload photo",
    uploadFor: "Upload the graduate photo of {{name}}",
    uploaded: "Saved the graduate photo of {{name}}.",
    tooBig: "“{{name}}” is over {{mb}} MB; it is not a 学信网 photo.",
    import: {
      title: "Import graduate photos",
      note: "Upload the photo folder as a .zip, each photo named by the student number or ID number (e.g. 2022010001.jpg). Each must be a JPG of 480×640 px, 1–100 KB, on a blue background; at most {{entries}} photos and {{mb}} MB a batch.",
      choose: "Choose a .zip file",
      label: "Choose the photo archive (.zip)",
      running: "Importing…",
      done: "“{{file}}”: {{matched}} matched and saved, {{refused}} refused, {{duplicate}} duplicates, {{unknown}} without a student.",
      col: { entry: "File", result: "Result", student: "Student", why: "Details" },
      result: {
        matched: "Saved",
        refused: "Refused",
        duplicate: "Duplicate (the student has one already)",
        "unknown-student": "No such student",
      },
      unknownWhy: "No student of this college has the student or ID number “{{key}}”",
    },
  },
};

i18n.addResourceBundle("zh-CN", "translation", zhCN, true, false);
i18n.addResourceBundle("en", "translation", en, true, false);
