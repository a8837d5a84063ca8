import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { matchOption } from '../../lib/units';
import { useCatalog } from '../../registers/bits';
import type { FieldSpec } from '../../registers/config';

/** A catalogue code (or several), labels in the shown language, searchable without diacritics. */
export default function CatalogSelect(props: {
  id?: string;
  value?: string | string[];
  onChange?: (v: string | string[] | undefined) => void;
  field: FieldSpec;
  multiple?: boolean;
  keep?: readonly string[];
  allowClear?: boolean;
  placeholder?: string;
  disabled?: boolean;
}) {
  const { field, multiple, keep = [], ...rest } = props;
  const { t } = useTranslation();
  const { catalog, options } = useCatalog();
  return (
    <Select
      {...rest}
      mode={multiple ? 'multiple' : undefined}
      options={field.catalog ? options(field.catalog, keep) : []}
      loading={catalog.isPending}
      showSearch
      filterOption={matchOption}
      allowClear={props.allowClear ?? !field.required}
      placeholder={props.placeholder ?? t('registers.form.choose')}
      data-testid={`select-${field.name}`}
      notFoundContent={catalog.isError ? catalog.error.message : undefined}
    />
  );
}
