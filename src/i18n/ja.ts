import type { SharedMessages } from './messages.js';
import { honorifics } from './names.js';

/** The shared Japanese catalog (exactly the keys of en.ts). サインイン is the one word for signing in. */
export const ja: SharedMessages = {
  'status.loading': '読み込み中…',
  'action.retry': 'もう一度試す',
  'action.close': '閉じる',
  'action.cancel': 'キャンセル',
  'action.save': '保存する',
  'action.submit': '送信する',
  'field.required': '必須',
  'error.generic': '問題が発生しました。もう一度お試しください。',
  'error.network': 'サーバーに接続できませんでした。通信環境をご確認のうえ、もう一度お試しください。',
  'error.timeout': 'サーバーの応答に時間がかかっています。もう一度お試しください。',
  'error.unauthorized': '続けるにはサインインしてください。',
  'error.unsupported': 'このサイトではご利用いただけません。',
  'access.signedOut': 'ご覧になるにはサインインしてください。',
  'access.forbidden': 'これを表示する権限がありません。',
  'error.forbidden': 'この操作を行う権限がありません。',
  'error.notFound': 'お探しの情報が見つかりませんでした。',
  'error.server': 'サーバーで問題が発生しました。しばらくしてから、もう一度お試しください。',
  'validation.required': 'この項目は必須です。',
  'validation.too_long': '文字数が多すぎます。',
  'validation.too_short': '文字数が足りません。',
  'validation.invalid': '入力内容が正しくありません。',
  'validation.invalid_email': '正しいメールアドレスを入力してください。',
  'validation.invalid_url': '正しいURLを入力してください。',
  'validation.invalid_choice': '選択肢の中から選んでください。',
  'validation.invalid_date': '正しい日付を入力してください。',
  'validation.out_of_range': '入力できる範囲を超えています。',
  'validation.unknown_field': 'この項目は受け付けていません。',
  'person.honorific': honorifics.ja,
};
