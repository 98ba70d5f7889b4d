import type { DirectoryMessages } from './directory.messages.en.js';
import { memberCardJa } from './member-card.messages.ja.js';

/** <okaeri-directory>'s Japanese strings; the type demands exactly the English keys. */
export const directoryJa: DirectoryMessages = {
  ...memberCardJa,
  'directory.label': 'アルムナイ名簿',
  'directory.search': '検索',
  'directory.searchHint': '氏名（ふりがな・ローマ字も可）、会社名、役職、部署',
  'directory.filters': '絞り込み',
  'directory.filtersActive': '絞り込み（{count}件）',
  'directory.department': '在籍時の部署',
  'directory.anyDepartment': 'すべての部署',
  'directory.location': '所在地',
  'directory.leftFrom': '退職年（この年以降）',
  'directory.leftTo': '退職年（この年以前）',
  'directory.filter.intent': '復職に関心',
  'directory.filter.intentHint': '復職に関心があると回答し、あなたに公開している方',
  'directory.filter.intent.open-now': '今すぐ',
  'directory.filter.intent.within-6-months': '6か月以内',
  'directory.filter.intent.later': 'それ以降',
  'directory.clear': '検索条件をクリア',
  'directory.results': '検索結果',
  'directory.count': '{count}件の結果',
  'directory.countMore': '{count}件を表示しています。続きがあります',
  'directory.loadMore': '続きを読み込む',
  'directory.searching': '検索しています…',
  'directory.empty': '条件に一致する方が見つかりませんでした。',
  'directory.emptyHint': '語句を減らすか短くする、ふりがなやローマ字で探す、絞り込みを外すなどをお試しください。',
  'directory.emptyAll': 'まだ名簿に掲載されている方はいません。',
  'directory.authRequired': 'アルムナイ名簿をご覧になるにはサインインしてください。',
  'directory.pageError': '続きを読み込めませんでした。',
};
