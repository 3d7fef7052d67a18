import { t } from '../i18n';
import { CATEGORIES, type Category } from './schema';

/**
 * Default highlight colour per category: light tints so near-black page text stays above 4.5:1
 * over them (checked in tests/dom/ui/contrast.test.ts).
 */
export const DEFAULT_CATEGORY_COLORS: Record<Category, string> = {
  agreement: '#ffe08a',
  cooperation: '#b8f0c8',
  capability: '#c9dcff',
  strategy: '#f5c6f0',
  organisation: '#ffd1b0',
  operation: '#c8f0f0',
};

export function categoryColor(
  category: Category,
  colors: Partial<Record<Category, string>> | undefined,
): string {
  return colors?.[category] ?? DEFAULT_CATEGORY_COLORS[category];
}

/** What readers see for each category, in the interface language (read when used). */
export const CATEGORY_LABELS: Readonly<Record<Category, string>> = Object.freeze(
  Object.defineProperties(
    {} as Record<Category, string>,
    Object.fromEntries(
      CATEGORIES.map((c) => [c, { enumerable: true, get: () => t(`category_${c}`) }]),
    ),
  ),
);
