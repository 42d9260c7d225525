import { makeStyles } from "@fluentui/react-components";
import { Fragment } from "react";

const useStyles = makeStyles({
  // Lines break only where a <wbr> is (between words), and within a word only when the word alone is wider
  // than the line.
  text: { wordBreak: "keep-all", overflowWrap: "anywhere" },
});

/**
 * The words of `text` in `locale` (Intl.Segmenter's dictionary for Chinese: 二级学院审核 → 二级 · 学院 · 审核); the
 * whole text as one where the browser has no Segmenter (Chromium before 87, which some campus browsers still are),
 * which then wraps as it always did.
 */
export function wordsOf(text: string, locale: string): string[] {
  if (typeof Intl.Segmenter !== "function") return [text];
  const segmenter = new Intl.Segmenter(locale, { granularity: "word" });
  return text
    .split(OFFICES)
    .filter(Boolean)
    .flatMap((part) => (OFFICES.test(part) ? [part] : [...segmenter.segment(part)].map((word) => word.segment)));
}

/**
 * The offices and posts the stage names are made of (seeds 002 and 004), kept whole: the dictionary reads
 * 教务处分管 as 教·务·处分·管 — 处分 is a penalty — and 处长 as 处·长, and would break a header there.
 */
const OFFICES = /(教务处|财务处|学费科|学籍中心|二级学院|校领导|招生就业工作处|处长)/;

/**
 * A short label in a narrow column (a stage name over the heat map), wrapped between words: Chinese has no spaces,
 * so a browser breaks it after any character — 二级学院审 / 核 — where a reader expects 二级学院 / 审核.
 */
export function WordWrap({ text, locale }: { text: string; locale: string }) {
  const styles = useStyles();
  const words = wordsOf(text, locale);
  // Unsegmented (one "word"), the browser's own breaks stay: keep-all would leave none in Chinese.
  if (words.length < 2) return <span>{text}</span>;
  return (
    <span className={styles.text}>
      {words.map((word, i) => (
        <Fragment key={i}>
          {i > 0 ? <wbr /> : null}
          {word}
        </Fragment>
      ))}
    </span>
  );
}
