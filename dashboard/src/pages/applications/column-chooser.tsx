import { Button, Menu, MenuItemCheckbox, MenuList, MenuPopover, MenuTrigger } from "@fluentui/react-components";
import { ColumnTripleEditRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { COLUMN_IDS, type ColumnId } from "./columns";

/** Which columns the list shows (kept in the URL as `cols`, and so in saved views). */
export function ColumnChooser({ shown, onChange }: { shown: string[]; onChange: (cols: ColumnId[]) => void }) {
  const { t } = useTranslation();
  return (
    <Menu
      checkedValues={{ cols: shown }}
      onCheckedValueChange={(_, data) => {
        const chosen = COLUMN_IDS.filter((id) => data.checkedItems.includes(id));
        if (chosen.length) onChange(chosen);
      }}
    >
      <MenuTrigger disableButtonEnhancement>
        <Button icon={<ColumnTripleEditRegular />}>{t("common.columns")}</Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {COLUMN_IDS.map((id) => (
            <MenuItemCheckbox key={id} name="cols" value={id}>
              {t(`applications.col.${id}`)}
            </MenuItemCheckbox>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
