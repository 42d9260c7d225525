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
  return [...new Intl.Segmenter(locale, { granularity: "word" }).segment(text)].map((part) => part.segment);
}

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
