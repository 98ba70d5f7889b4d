/*
 * The membership mails, in the member's language, as plain text and HTML. No tracking: no
 * images, no pixel, no per-recipient link other than the one the mail is for. No user-supplied
 * text appears in them (not even the name someone typed at signup), so a stranger who signs up
 * with another person's address cannot put words into a mail from the company.
 */
import type { MailLanguage } from '../domain/membership.js';

export type MailKind =
  | 'verify'
  | 'already-member'
  | 'sign-in'
  | 'awaiting-approval'
  | 'email-change'
  | 'email-changed'
  | 'approved'
  | 'declined';

interface Template {
  subject: string;
  /** Paragraphs before the link. */
  intro: string[];
  /** The link's text (HTML) / label line (text); none for a notice without a link. */
  action?: string;
  /** Paragraphs after the link. */
  outro: string[];
}

const TEMPLATES: Record<MailLanguage, Record<MailKind, Template>> = {
  en: {
    verify: {
      subject: 'Confirm your address for the alumni network',
      intro: ['Thank you for joining. Please confirm that this address is yours:'],
      action: 'Confirm my address',
      outro: [
        'The link works once, for 72 hours. Until you confirm, nobody sees your profile in the directory.',
        'If you did not sign up, ignore this mail: the signup is deleted unconfirmed.',
      ],
    },
    'already-member': {
      subject: 'You are already a member of the alumni network',
      intro: ['Someone (probably you) tried to join the alumni network with this address, which is already a member. Nothing was changed.', 'To see or update your profile, sign in here:'],
      action: 'Sign in',
      outro: ['The link works once, for 20 minutes. If it was not you, you can ignore this mail.'],
    },
    'sign-in': {
      subject: 'Your sign-in link for the alumni network',
      intro: ['Use this link to sign in to your alumni profile:'],
      action: 'Sign in',
      outro: ['The link works once, for 20 minutes. If you did not ask for it, ignore this mail.'],
    },
    // Asked for a sign-in link (or joined again) while HR has not decided yet: no link, since none would open anything.
    'awaiting-approval': {
      subject: 'Your alumni network membership is waiting for approval',
      intro: [
        'Someone (probably you) asked to sign in to, or to join, the alumni network with this address. Your address is confirmed, and your membership is waiting for the alumni program team to approve it.',
        'You cannot sign in until then. When it is approved, we will mail you here, and you can ask for a sign-in link.',
      ],
      outro: ['If it was not you, you can ignore this mail. If you have waited long, contact the alumni program team of the company.'],
    },
    'email-change': {
      subject: 'Confirm your new address for the alumni network',
      intro: ['You asked to use this address for your alumni membership. Please confirm it:'],
      action: 'Confirm my new address',
      outro: ['The link works once, for 72 hours. Until then your previous address stays in use.'],
    },
    'email-changed': {
      subject: 'Your alumni network address was changed',
      intro: ['The address of your alumni membership was changed to a new one, confirmed from that address. Mail will no longer be sent here.'],
      outro: ['If you did not do this, contact the alumni program team of the company.'],
    },
    approved: {
      subject: 'Welcome to the alumni network',
      intro: [
        'The alumni program team has approved your membership. Welcome!',
        'Your profile is now in the directory as you chose. To see or update it, open the alumni page:',
      ],
      action: 'Open the alumni page',
      outro: ['To sign in there, ask for a sign-in link to this address.'],
    },
    // Neutral on purpose: no reason, nothing that suggests what the team knows or thinks.
    declined: {
      subject: 'About your alumni network signup',
      intro: [
        'Thank you for your interest in the alumni network. The alumni program team could not confirm your membership, so the signup was not accepted.',
      ],
      outro: ['The details you gave will be deleted. If you think this is a mistake, contact the alumni program team of the company.'],
    },
  },
  ja: {
    verify: {
      subject: 'アルムナイネットワーク：メールアドレスの確認',
      intro: ['ご登録ありがとうございます。このメールアドレスがご本人のものであることを確認してください。'],
      action: 'メールアドレスを確認する',
      outro: [
        'リンクは72時間、1回だけ有効です。確認が済むまで、プロフィールは名簿に表示されません。',
        'お心当たりがない場合は、このメールを無視してください。確認されなかった登録は削除されます。',
      ],
    },
    'already-member': {
      subject: 'アルムナイネットワーク：すでにご登録済みです',
      intro: ['このメールアドレスでアルムナイネットワークへの登録が試みられましたが、すでにご登録済みです。何も変更していません。', 'プロフィールの確認・更新は、こちらからサインインしてください。'],
      action: 'サインインする',
      outro: ['リンクは20分間、1回だけ有効です。お心当たりがない場合は、このメールを無視してください。'],
    },
    'sign-in': {
      subject: 'アルムナイネットワーク：サインイン用リンク',
      intro: ['次のリンクからアルムナイのプロフィールにサインインできます。'],
      action: 'サインインする',
      outro: ['リンクは20分間、1回だけ有効です。お心当たりがない場合は、このメールを無視してください。'],
    },
    'awaiting-approval': {
      subject: 'アルムナイネットワーク：ご登録は承認待ちです',
      intro: [
        'このメールアドレスでアルムナイネットワークへのサインインまたはご登録が求められました。メールアドレスの確認は済んでおり、ご登録は現在アルムナイ担当の承認待ちです。',
        '承認されるまではサインインできません。承認されましたらこのアドレスにお知らせしますので、その後サインイン用リンクをお求めください。',
      ],
      outro: ['お心当たりがない場合は、このメールを無視してください。長くお待ちの場合は、会社のアルムナイ担当までご連絡ください。'],
    },
    'email-change': {
      subject: 'アルムナイネットワーク：新しいメールアドレスの確認',
      intro: ['このメールアドレスをアルムナイ会員の連絡先にするご依頼を受け付けました。確認してください。'],
      action: '新しいメールアドレスを確認する',
      outro: ['リンクは72時間、1回だけ有効です。確認が済むまでは以前のメールアドレスが使われます。'],
    },
    'email-changed': {
      subject: 'アルムナイネットワーク：メールアドレスが変更されました',
      intro: ['アルムナイ会員のメールアドレスが、新しいアドレスからの確認により変更されました。今後このアドレスにはメールをお送りしません。'],
      outro: ['お心当たりがない場合は、会社のアルムナイ担当までご連絡ください。'],
    },
    approved: {
      subject: 'アルムナイネットワーク：ご登録が承認されました',
      intro: [
        'アルムナイ担当がご登録を承認しました。ようこそ！',
        'プロフィールは、お選びいただいた公開範囲で名簿に表示されます。確認・更新は、アルムナイのページから行えます。',
      ],
      action: 'アルムナイのページを開く',
      outro: ['サインインするには、そのページでこのメールアドレス宛てのサインイン用リンクをお求めください。'],
    },
    declined: {
      subject: 'アルムナイネットワーク：ご登録について',
      intro: [
        'アルムナイネットワークにご関心をお寄せいただき、ありがとうございます。アルムナイ担当でご登録を確認できなかったため、今回のご登録はお受けできませんでした。',
      ],
      outro: ['ご入力いただいた情報は削除されます。誤りと思われる場合は、会社のアルムナイ担当までご連絡ください。'],
    },
  },
};

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);

/** The mail of `kind` in `lang`; `link` is required for every kind but `email-changed`. */
export function renderMail(kind: MailKind, lang: MailLanguage, link?: string): { subject: string; text: string; html: string } {
  const template = TEMPLATES[lang][kind];
  if (template.action && !link) throw new Error(`The ${kind} mail needs a link.`);
  const text = [...template.intro, ...(template.action ? [`${template.action}: ${link}`] : []), ...template.outro].join('\n\n') + '\n';
  const paragraphs = (lines: string[]) => lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n');
  const html = [
    `<!doctype html>`,
    `<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(template.subject)}</title></head>`,
    `<body style="font-family: sans-serif; line-height: 1.6; max-width: 36em">`,
    paragraphs(template.intro),
    ...(template.action ? [`<p><a href="${escapeHtml(link!)}">${escapeHtml(template.action)}</a></p>`, `<p style="word-break: break-all">${escapeHtml(link!)}</p>`] : []),
    paragraphs(template.outro),
    `</body></html>`,
    '',
  ].join('\n');
  return { subject: template.subject, text, html };
}
