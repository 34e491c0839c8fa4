import type { Competency } from '@kadr/contracts';
import { Select } from '@mantine/core';
import { useState } from 'react';
import { currentLocale, localized } from '../i18n';
import { useCompetencySearch } from './api';

/** Picks a competency of any framework by searching its code or names; the texts are the caller's. */
export function CompetencyPicker(props: {
  label: string;
  placeholder: string;
  nothingFound: string;
  onPick: (c: Competency) => void;
  exclude: number[];
  w?: number;
}) {
  const locale = currentLocale();
  const [q, setQ] = useState('');
  const found = useCompetencySearch(q.trim());
  const options = (found.data?.items ?? []).filter((c) => !props.exclude.includes(c.id));
  return (
    <Select
      label={props.label}
      placeholder={props.placeholder}
      searchable
      clearable
      w={props.w}
      searchValue={q}
      onSearchChange={setQ}
      filter={({ options: all }) => all}
      data={options.map((c) => ({
        value: String(c.id),
        label: `${c.frameworkCode} ${c.code} · ${localized(c.name, locale)}`,
      }))}
      value={null}
      onChange={(value) => {
        const picked = options.find((c) => String(c.id) === value);
        if (picked) props.onPick(picked);
        setQ('');
      }}
      nothingFoundMessage={props.nothingFound}
    />
  );
}
