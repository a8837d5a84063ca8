/**
 * What "Nhập dữ liệu từ Excel" can write into (an "import target", as the server calls it): every
 * register of config.ts, and what hangs off a register with no list of its own to type into — a
 * person's sessions of help, a model's replications, a group's members — plus the tips staff copy
 * from the paper books of past years (server: modules/imports/targets/). One page serves them all:
 * /nhap-du-lieu/<slug>, a register by its config name, the others by their API name with '-'.
 */
import {
  REGISTERS,
  REGISTER_BY_NAME,
  registerApiPath,
  registerPath,
  type Label,
  type RegisterConfig,
  type RegisterName,
} from '../registers/config';

/** A column of a target's sheet as the page names it in both languages. */
export interface ImportField {
  value: string;
  label: Label;
}

export interface ImportTarget {
  /** As the imports API names it: "activities", "reintegration/people", "reintegration/sessions", "tips". */
  name: string;
  /** Its page: /nhap-du-lieu/<slug>. */
  slug: string;
  title: Label;
  /** The Vietnamese name its template is saved under ("Sổ hoạt động" → mau-nhap_so-hoat-dong.xlsx). */
  fileTitle: string;
  /** Who holds it may import (the server checks the same). */
  writePermission: string;
  /** The list the import belongs to: the page's "back" link, the menu entry lit, the link after a run. */
  back: { path: string; label: Label };
  /** The data an import changes (asked again when it ends or is undone): a register's, or the tips. */
  owner: RegisterName | 'tips';
  /** A "Mã bản ghi" column: a row naming a record updates it (registers only). */
  updates: boolean;
  /** A "Đơn vị" column every row fills. */
  hasUnit: boolean;
  /**
   * The fields of its sheet the page knows by name besides the id and the unit (a register's from
   * config.ts): their English names, and the mapping's options should a check answer without the
   * server's `columns`. What a sheet column may feed is the server's list (logic.ts: fieldOptions).
   */
  knownFields: readonly ImportField[];
  /** The register itself when the target is one. */
  register?: RegisterConfig;
  /** The text of the button that leads here from its list (a register's: the common "Nhập từ Excel"). */
  button?: Label;
  /** What to know before filling the sheet (how a row names its person, model or group). */
  note?: Label;
}

const L = (vi: string, en: string): Label => ({ vi, en });
const F = (value: string, vi: string, en: string): ImportField => ({ value, label: L(vi, en) });

/** The staff tips inbox (App.tsx). */
export const TIPS_PATH = '/tin-bao';

/** A register's list as the place to go back to: "Về sổ Hoạt động". */
const registerBack = (r: RegisterConfig) => ({ path: registerPath(r), label: L(`sổ ${r.title.vi}`, r.title.en) });

function registerTarget(r: RegisterConfig): ImportTarget {
  return {
    name: registerApiPath(r),
    slug: r.name,
    title: r.title,
    fileTitle: `Sổ ${r.title.vi}`,
    writePermission: r.writePermission,
    back: registerBack(r),
    owner: r.name,
    updates: true,
    hasUnit: true,
    knownFields: r.fields.map((f) => ({ value: f.name, label: f.label })),
    register: r,
  };
}

/** A target hanging off register `owner`: written by who may write that register, back to its list. */
function childTarget(
  owner: RegisterName,
  t: Pick<ImportTarget, 'name' | 'title' | 'hasUnit' | 'knownFields' | 'button' | 'note'>,
): ImportTarget {
  const r = REGISTER_BY_NAME[owner];
  return {
    ...t,
    slug: t.name.replace(/\//g, '-'),
    fileTitle: t.title.vi,
    writePermission: r.writePermission,
    back: registerBack(r),
    owner,
    updates: false,
  };
}

const SESSIONS = childTarget('reintegration', {
  name: 'reintegration/sessions',
  title: L('Lượt giúp đỡ người tái hòa nhập', 'Help sessions for reintegration'),
  hasUnit: false,
  knownFields: [
    F('person', 'Mã hồ sơ', 'Record reference'),
    F('date', 'Ngày', 'Date'),
    F('kind', 'Hình thức', 'Kind'),
    F('helpers', 'Người tham gia giúp đỡ', 'People helping'),
    F('notes', 'Ghi chú', 'Notes'),
  ],
  button: L('Nhập lượt giúp đỡ từ Excel', 'Import help sessions from Excel'),
  note: L(
    'Mỗi dòng là một lượt giúp đỡ. Cột “Mã hồ sơ” ghi mã hồ sơ của người được giúp đỡ (ví dụ HN-000042) hoặc mã số của hồ sơ, trong địa bàn của bạn.',
    'One row per session. The column “Mã hồ sơ” holds the reference of the person’s record (e.g. HN-000042) or its id, in your area.',
  ),
});

const REPLICATIONS = childTarget('models', {
  name: 'models/replications',
  title: L('Nhân rộng mô hình', 'Model replications'),
  hasUnit: true,
  knownFields: [
    F('model', 'Mã mô hình', 'Model id'),
    F('started_on', 'Ngày bắt đầu', 'Started on'),
    F('ended_on', 'Ngày kết thúc', 'Ended on'),
  ],
  button: L('Nhập nhân rộng từ Excel', 'Import replications from Excel'),
  note: L(
    'Mỗi dòng là một đơn vị nhân rộng một mô hình. Cột “Mã mô hình” ghi mã số của mô hình trong sổ Mô hình, chuyên đề.',
    'One row per unit a model was copied to. The column “Mã mô hình” holds the model’s id in the Models and themes register.',
  ),
});

const MEMBERS = childTarget('groups', {
  name: 'groups/members',
  title: L('Thành viên tổ, nhóm', 'Group members'),
  hasUnit: false,
  knownFields: [
    F('group', 'Mã tổ, nhóm', 'Group id'),
    F('name', 'Họ tên', 'Full name'),
    F('role', 'Vai trò', 'Role'),
    F('gender', 'Giới tính', 'Gender'),
    F('birth_year', 'Năm sinh', 'Year of birth'),
    F('joined_on', 'Ngày tham gia', 'Joined on'),
    F('left_on', 'Ngày rời tổ', 'Left on'),
  ],
  button: L('Nhập thành viên từ Excel', 'Import members from Excel'),
  note: L(
    'Mỗi dòng là một thành viên. Cột “Mã tổ, nhóm” ghi mã số của tổ, nhóm trong sổ Tổ, nhóm.',
    'One row per member. The column “Mã tổ, nhóm” holds the group’s id in the Groups and teams register.',
  ),
});

const TIPS: ImportTarget = {
  name: 'tips',
  slug: 'tips',
  title: L('Tin báo, tố giác (sổ theo dõi)', 'Tips (from the tip book)'),
  fileTitle: 'Sổ theo dõi tin báo, tố giác',
  writePermission: 'tips.write',
  back: { path: TIPS_PATH, label: L('danh sách tin báo', 'the tips') },
  owner: 'tips',
  updates: false,
  hasUnit: true,
  knownFields: [
    F('received_on', 'Ngày tiếp nhận', 'Received on'),
    F('category', 'Loại tin báo', 'Category'),
    F('channel', 'Hình thức tiếp nhận', 'Received by'),
    F('description', 'Nội dung tin báo', 'Content'),
    F('place', 'Nơi xảy ra', 'Place'),
    F('status', 'Trạng thái', 'Status'),
    F('valid', 'Có cơ sở', 'Well-founded'),
    F('cases_solved', 'Số vụ án làm rõ', 'Cases solved'),
    F('suspects_arrested', 'Số đối tượng bắt giữ', 'Suspects arrested'),
    F('wanted_caught', 'Số đối tượng truy nã bắt được', 'Wanted persons caught'),
    F('decision', 'Quyết định', 'Decision'),
    F('decided_on', 'Ngày giải quyết', 'Decided on'),
    F('reason', 'Lý do không thụ lý', 'Reason for not accepting'),
  ],
  button: L('Nhập sổ tin báo cũ từ Excel', 'Import the old tip book from Excel'),
  note: L(
    'Tin báo của những năm trước chép từ sổ theo dõi: mỗi dòng là một tin báo, kèm kết quả giải quyết nếu có. Không nhập danh tính người báo tin từ tệp.',
    'Tips of past years copied from the paper book: one row per tip, with how it ended if it did. No reporter’s identity is imported from a file.',
  ),
};

/** Every target: the registers, then the others. */
export const IMPORT_TARGETS: readonly ImportTarget[] = [...REGISTERS.map(registerTarget), SESSIONS, REPLICATIONS, MEMBERS, TIPS];

/** The targets imported from the list of `owner` besides the register itself (the people list's sessions…). */
export const childTargetsOf = (owner: RegisterName | 'tips'): ImportTarget[] =>
  IMPORT_TARGETS.filter((t) => t.owner === owner && !t.register);

/** The target of a register. */
export const targetOfRegister = (r: RegisterConfig | RegisterName): ImportTarget => {
  const name = typeof r === 'string' ? r : r.name;
  return IMPORT_TARGETS.find((t) => t.register?.name === name) as ImportTarget;
};

/** The target of /nhap-du-lieu/:slug, or undefined. */
export const importTargetBySlug = (slug: string | undefined): ImportTarget | undefined =>
  slug ? IMPORT_TARGETS.find((t) => t.slug === slug) : undefined;

/** The target of the tips (the staff inbox's button). */
export const TIPS_TARGET = TIPS;
