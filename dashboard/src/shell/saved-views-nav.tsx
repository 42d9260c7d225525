import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useSavedViews } from "../api/views";

const useStyles = makeStyles({
  // Seven views high, the rest scrolled within: with twenty and more saved, the list pushed every menu entry after
  // 学籍异动 (核对表, 学业预警 …) below the window. A link focused by Tab scrolls into view.
  list: { listStyleType: "none", margin: 0, padding: 0, maxHeight: "238px", overflowY: "auto", overscrollBehavior: "contain" },
  item: { paddingLeft: "28px", fontSize: tokens.fontSizeBase200 },
  more: { marginLeft: "20px" },
});

/** Saved views of the applications list, under its menu entry: each is a link to the list as saved; more on request. */
export function SavedViewsNav({ linkClass }: { linkClass: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { views, more, loadMore, loadingMore } = useSavedViews();
  if (!views.length) return null;
  return (
    <ul className={styles.list} aria-label={t("nav.savedViews")}>
      {views.map((view) => (
        <li key={view.id}>
          <Link to="/applications" search={{ ...view.state, view: view.id }} className={mergeClasses(linkClass, styles.item)}>
            {view.name}
          </Link>
        </li>
      ))}
      {more ? (
        <li>
          <Button size="small" appearance="transparent" className={styles.more} onClick={loadMore} disabled={loadingMore}>
            {t("views.more")}
          </Button>
        </li>
      ) : null}
    </ul>
  );
}
