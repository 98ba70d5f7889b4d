// The host page's own glue, written as a customer would: plain JavaScript against the library's
// public API. It wires the page's role, language and theme pickers to <okaeri-config> and, until
// the widgets arrive, shows the program's meta through the library's client.
import { OkaeriClient } from '/dist/cdn/index.js';

const pageText = {
  ja: {
    'intranet.title': '社内ポータル',
    'careers.title': '採用情報',
    'nav.intranet': '社内ポータル',
    'nav.careers': '採用サイト',
    'nav.hr': '人事ポータル',
    'nav.alumni': 'アルムナイ',
    'alumni.title': 'アルムナイ',
    'alumni.membership': '会員情報',
    'alumni.mailbox': 'デモ：メールはデモ用メールボックスに届きます',
    'careers.signIn': 'すでに会員の方は、こちらからサインインできます',
    'hr.title': '人事ポータル',
    'hr.heading': 'アルムナイ・プログラムの運営',
    'hr.persona': '人事（山口 恵）としてサインイン中',
    'control.role': '表示するロール',
    'role.employee': '社員・マネージャー（中村 健一）',
    'role.returner': '復職者（佐藤 美咲）',
    'role.hr': '人事（山口 恵）',
    'role.it': '情報システム部（小川 大輔）',
    'role.alumni': 'アルムナイ（伊藤 健太）',
    'role.public': 'サインインしていない人',
    'control.lang': '言語',
    'control.theme': 'テーマ',
    'theme.auto': '自動',
    'theme.light': 'ライト',
    'theme.dark': 'ダーク',
    'program.heading': 'アルムナイ・プログラム',
    'config.heading': 'この画面の設定',
    'welcome.heading': 'おかえりなさい',
    'directory.heading': 'アルムナイ名簿',
    'checklist.heading': '再オンボーディング',
    'member.close': '閉じる',
    'member.company': '現在の会社',
    'member.role': '現在の役職',
    'member.location': '所在地',
    'member.tenure': '在籍',
    'contact.heading': 'さんに連絡する',
    'contact.message': 'メッセージ（アルムナイ事務局からお届けします。メールアドレスはお互いに表示されません）',
    'contact.send': '送る',
    'contact.sent': '送りました（デモでは実際には届きません）。',
    'careers.alumni': '退職された方へ：アルムナイ・ネットワーク',
    'careers.intro':
      '退職後もつながりを。いつか戻りたい方、紹介や協業で関わりたい方、仲間との縁を保ちたい方のためのネットワークです。',
    'program.departments': '部署',
    'program.interests': '関心',
    'program.policy': 'プライバシーポリシー',
    'program.loading': '読み込み中…',
    'program.failed': 'プログラム情報を読み込めませんでした。',
    'config.baseUrl': 'API',
    'config.role': 'ロール',
    'config.lang': '言語',
    'config.theme': 'テーマ',
    'config.noTokens': 'デモ用トークンがありません（OKAERI_JWT_SECRET が設定されています）。',
  },
  en: {
    'intranet.title': 'Intranet',
    'careers.title': 'Careers',
    'nav.intranet': 'Intranet',
    'nav.careers': 'Career site',
    'nav.hr': 'HR portal',
    'nav.alumni': 'Alumni',
    'alumni.title': 'Alumni',
    'alumni.membership': 'Your membership',
    'alumni.mailbox': 'Demo: mail arrives in the demo mailbox',
    'careers.signIn': 'Already a member? Sign in',
    'hr.title': 'HR portal',
    'hr.heading': 'Running the alumni program',
    'hr.persona': 'Signed in as HR (Megumi Yamaguchi)',
    'control.role': 'View as role',
    'role.employee': 'Employee, manager (Kenichi Nakamura)',
    'role.returner': 'Returner (Misaki Sato)',
    'role.hr': 'HR (Megumi Yamaguchi)',
    'role.it': 'IT department (Daisuke Ogawa)',
    'role.alumni': 'Alumnus (Kenta Ito)',
    'role.public': 'Not signed in',
    'control.lang': 'Language',
    'control.theme': 'Theme',
    'theme.auto': 'Auto',
    'theme.light': 'Light',
    'theme.dark': 'Dark',
    'program.heading': 'Alumni program',
    'config.heading': 'This page’s configuration',
    'welcome.heading': 'Welcome back',
    'directory.heading': 'Alumni directory',
    'checklist.heading': 'Re-onboarding',
    'member.close': 'Close',
    'member.company': 'Company',
    'member.role': 'Role',
    'member.location': 'Location',
    'member.tenure': 'Tenure',
    'contact.heading': 'Contact',
    'contact.message': 'Message (the alumni program team forwards it; neither side sees the other’s e-mail address)',
    'contact.send': 'Send',
    'contact.sent': 'Sent (in the demo nothing is delivered).',
    'careers.alumni': 'Leaving us? Join the alumni network',
    'careers.intro':
      'Stay connected after you leave: whether you may come back one day, want to refer people or work with us, or keep in touch with colleagues.',
    'program.departments': 'Departments',
    'program.interests': 'Interests',
    'program.policy': 'Privacy policy',
    'program.loading': 'Loading…',
    'program.failed': 'The program information could not be loaded.',
    'config.baseUrl': 'API',
    'config.role': 'Role',
    'config.lang': 'Language',
    'config.theme': 'Theme',
    'config.noTokens': 'No demo tokens (OKAERI_JWT_SECRET is set).',
  },
};

const config = document.getElementById('okaeri');
const roleSelect = document.getElementById('role');
const langSelect = document.getElementById('lang');
const themeSelect = document.getElementById('theme');
const isPublicPage = document.body.hasAttribute('data-public-page');
// A page for one persona (hr.html: HR) has no role picker.
const pageRole = document.body.dataset.role;
const saved = JSON.parse(sessionStorage.getItem('okaeri-demo') ?? '{}');

let tokens = null;
let meta = null;

function t(key) {
  return pageText[langSelect.value]?.[key] ?? pageText.en[key] ?? key;
}

function element(tag, text) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text; // text, never HTML: program data is user data
  return node;
}

async function loadDemoTokens() {
  const response = await fetch('/demo/tokens.json');
  return response.ok ? response.json() : null;
}

function applyRole() {
  const role = isPublicPage ? 'public' : (pageRole ?? roleSelect.value);
  const token = role === 'public' ? undefined : tokens?.[role];
  if (token) config.setAttribute('token', token);
  else config.removeAttribute('token');
}

function applyLangAndTheme() {
  const lang = langSelect.value;
  document.documentElement.lang = lang;
  config.setAttribute('lang', lang);
  config.setAttribute('theme', themeSelect.value);
  const dark =
    themeSelect.value === 'dark' ||
    (themeSelect.value === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
}

function renderProgram() {
  const target = document.querySelector('[data-program]');
  if (!meta || !target) return;
  const lang = langSelect.value;
  const facts = element('dl');
  facts.className = 'facts';
  facts.append(element('dt', t('program.heading')), element('dd', meta.programName[lang]));
  const departments = element('ul');
  departments.className = 'chips';
  for (const department of meta.departments) departments.append(element('li', department.name[lang]));
  const interests = element('ul');
  interests.className = 'chips';
  for (const interest of meta.interests) interests.append(element('li', interest.label[lang]));
  const policy = element('a', `${t('program.policy')} (${meta.privacyPolicy.version})`);
  policy.href = meta.privacyPolicy.url;
  const policyItem = element('dd');
  policyItem.append(policy);
  facts.append(
    element('dt', t('program.departments')),
    wrap(departments),
    element('dt', t('program.interests')),
    wrap(interests),
    element('dt', t('program.policy')),
    policyItem,
  );
  target.replaceChildren(facts);
}

function wrap(node) {
  const dd = element('dd');
  dd.append(node);
  return dd;
}

function renderConfigFacts() {
  const facts = document.getElementById('config-facts');
  if (!facts) return;
  const rows = [
    ['config.baseUrl', `${location.origin}/api/v1`],
    // The picker's label (a persona in the page's language), not the raw token role.
    ['config.role', tokens ? (roleSelect.selectedOptions[0]?.textContent ?? roleSelect.value) : t('config.noTokens')],
    ['config.lang', langSelect.value],
    ['config.theme', themeSelect.value],
  ];
  facts.replaceChildren(...rows.flatMap(([key, value]) => [element('dt', t(key)), element('dd', value)]));
}

async function loadProgram() {
  const status = document.querySelector('[data-program-status]');
  // The HR page shows no program panel.
  if (!status) return;
  status.textContent = t('program.loading');
  try {
    meta = await new OkaeriClient({ baseUrl: '' }).getMeta();
    status.textContent = '';
    renderProgram();
  } catch (error) {
    status.textContent = t('program.failed');
    console.warn('[demo] meta failed', error);
  }
}

function persist() {
  sessionStorage.setItem(
    'okaeri-demo',
    // A page without the picker keeps the role chosen on the others.
    JSON.stringify({ role: roleSelect?.value ?? saved.role, lang: langSelect.value, theme: themeSelect.value }),
  );
}

function update() {
  applyLangAndTheme();
  applyRole();
  renderProgram();
  renderConfigFacts();
  persist();
}

if (roleSelect && saved.role) roleSelect.value = saved.role;
if (saved.lang) langSelect.value = saved.lang;
if (saved.theme) themeSelect.value = saved.theme;
for (const select of [roleSelect, langSelect, themeSelect]) select?.addEventListener('change', update);

// The directory leaves what a click on a person or on "contact" does to the host page: here, as a
// customer's page would, a profile dialog and a contact dialog (the message would go through the
// program team, which knows the address; the page never does). Text only, never HTML.
function memberName(member) {
  return langSelect.value === 'ja' || /[^\x00-\x7f]/.test(member.familyName)
    ? `${member.familyName} ${member.givenName}`
    : `${member.givenName} ${member.familyName}`;
}

function showProfile(member) {
  const dialog = document.getElementById('member-dialog');
  if (!dialog) return;
  dialog.querySelector('h2').textContent = memberName(member);
  const rows = [
    ['member.company', member.currentCompany],
    ['member.role', member.currentRole],
    ['member.location', member.location],
    ['member.tenure', [member.joined, member.left].filter(Boolean).join(' – ')],
  ].filter(([, value]) => value);
  dialog.querySelector('dl').replaceChildren(...rows.flatMap(([key, value]) => [element('dt', t(key)), element('dd', value)]));
  dialog.querySelector('[data-close]').textContent = t('member.close');
  dialog.showModal();
}

function showContact(member) {
  const dialog = document.getElementById('contact-dialog');
  if (!dialog) return;
  const name = memberName(member);
  dialog.querySelector('h2').textContent = langSelect.value === 'ja' ? `${name}${t('contact.heading')}` : `${t('contact.heading')} ${name}`;
  dialog.querySelector('label span').textContent = t('contact.message');
  dialog.querySelector('textarea').value = '';
  dialog.querySelector('[data-status]').textContent = '';
  dialog.querySelector('[data-send]').textContent = t('contact.send');
  dialog.querySelector('[data-close]').textContent = t('member.close');
  dialog.showModal();
}

document.addEventListener('okaeri-directory-select', (event) => showProfile(event.detail.member ?? event.detail));
document.addEventListener('okaeri-directory-contact', (event) => showContact(event.detail.member ?? event.detail));
for (const dialog of document.querySelectorAll('dialog')) {
  dialog.querySelector('[data-close]')?.addEventListener('click', () => dialog.close());
}
document.querySelector('#contact-dialog form')?.addEventListener('submit', (event) => {
  event.preventDefault();
  event.currentTarget.closest('dialog').querySelector('[data-status]').textContent = t('contact.sent');
});

tokens = await loadDemoTokens();
update();
// Widgets that need a signed-in viewer appear once the role's token is set.
for (const template of document.querySelectorAll('template[data-after-token]')) template.replaceWith(template.content);
await loadProgram();
