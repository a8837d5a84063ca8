/**
 * Texts of "Nhập dữ liệu từ Excel", kept beside the page (under the `imports` key) and added to
 * i18next when a register page or the import page loads, as reports/i18n.ts does. Vietnamese first.
 */
import i18n from '../i18n';

const vi = {
  button: 'Nhập từ Excel',
  title: 'Nhập dữ liệu từ Excel',
  intro: 'Sổ “{{register}}”: thêm hoặc sửa nhiều bản ghi một lần từ tệp Excel (.xlsx) hoặc CSV.',
  introAdd: '“{{register}}”: thêm nhiều bản ghi mới một lần từ tệp Excel (.xlsx) hoặc CSV.',
  backToList: 'Về {{list}}',
  steps: { template: 'Tệp mẫu', upload: 'Tải tệp lên', check: 'Kiểm tra', run: 'Nhập', result: 'Kết quả' },
  template: {
    title: '1. Tải tệp mẫu',
    xlsx: 'Tải mẫu Excel (.xlsx)',
    csv: 'Tải mẫu CSV',
    rules: [
      'Mỗi dòng là một bản ghi; giữ nguyên dòng tiêu đề (dòng đầu tiên) của tệp mẫu.',
      'Không gộp ô, không dùng công thức: chỉ ghi giá trị.',
      'Ngày ghi dạng dd/mm/yyyy (ví dụ 19/08/2024); số có thể viết 16.000.',
      'Nhiều mục trong một ô cách nhau bởi dấu chấm phẩy “;”.',
      'Xóa dòng ví dụ của tệp mẫu trước khi nhập.',
      'Tải cùng một tệp hai lần không tạo thêm bản ghi nào.',
    ],
    unitRule:
      'Đơn vị ghi bằng mã (ví dụ 21220) hoặc tên kèm tỉnh: “Xã Sơn Tịnh, Tỉnh Quảng Ngãi”; mã và tên trước 01/07/2025 vẫn được nhận.',
  },
  upload: {
    title: '2. Tải tệp lên',
    drop: 'Bấm hoặc kéo tệp vào đây',
    hint: 'Tệp Excel (.xlsx) hoặc CSV (.csv), tối đa 50 MiB. Tệp được kiểm tra trước, chưa ghi gì vào sổ.',
    chosen: 'Tệp: {{name}} ({{size}} KB)',
    sheet: 'Tên trang tính',
    sheetHint: 'Để trống: đọc trang tính đầu tiên.',
    recheck: 'Kiểm tra lại',
    checking: 'Đang kiểm tra tệp…',
    tooLarge: 'Tệp lớn hơn 50 MiB: một lần nhập nhận tối đa 50 MiB. Hãy chia thành nhiều tệp.',
    badType: 'Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv). Tệp .xls: mở bằng Excel rồi lưu lại dạng .xlsx.',
    empty: 'Tệp trống.',
  },
  check: {
    title: '3. Kết quả kiểm tra',
    rows: 'Số dòng',
    create: 'Thêm mới',
    update: 'Cập nhật',
    unchanged: 'Không đổi',
    refused: 'Bị từ chối',
    refusedNote: 'Các dòng bị từ chối sẽ không được nhập, các dòng khác vẫn nhập. Sau khi nhập, tải các dòng lỗi về, sửa rồi tải lên lại.',
    nothing: 'Không có dòng nào để thêm hoặc sửa.',
    run: 'Nhập {{n}} dòng',
    stale: 'Cách ghép cột vừa đổi: đang kiểm tra lại…',
  },
  mapping: {
    title: 'Ghép cột',
    hint: 'Mỗi cột của tệp ghi vào một trường của sổ. Đổi trường nếu ghép chưa đúng; tệp được kiểm tra lại ngay.',
    column: 'Cột',
    header: 'Tiêu đề trong tệp',
    field: 'Ghi vào trường',
    skip: 'Bỏ qua',
  },
  missing: {
    title: 'Tệp thiếu cột bắt buộc:',
    notChecked: 'Chưa dòng nào trong {{rows}} dòng của tệp được kiểm tra.',
    how: 'Trong bảng “Ghép cột” bên dưới, chọn cột của tệp ghi vào từng trường còn thiếu (chữ đỏ trong danh sách trường); tệp được kiểm tra lại ngay. Hoặc thêm cột đó vào tệp theo tệp mẫu rồi tải lên lại.',
    updates: 'Tệp chỉ để sửa bản ghi đã có: ghép cột “Mã bản ghi”, khi đó chỉ cần các cột muốn sửa.',
    option: 'Cột bắt buộc chưa được ghép',
    blocked: 'Ghép đủ các cột bắt buộc thì mới nhập được.',
  },
  errors: {
    title: 'Các dòng bị từ chối',
    row: 'Dòng',
    rowN: 'Dòng {{n}}',
    column: 'Cột',
    message: 'Lỗi cần sửa',
    truncated: 'Chỉ hiện {{n}} lỗi đầu tiên.',
  },
  run: {
    title: '4. Nhập dữ liệu',
    progress: 'Đã xử lý {{processed}}/{{rows}} dòng',
    queued: 'Đang chờ đến lượt: mỗi đơn vị nhập lần lượt từng tệp.',
    another: 'Nhập tệp khác',
  },
  result: {
    title: '5. Kết quả',
    created: 'Đã thêm',
    updated: 'Đã sửa',
    unchanged: 'Không đổi',
    refused: 'Bị từ chối',
    failedRows: 'Tải các dòng lỗi',
    failedRowsHint: 'Tệp các dòng lỗi có thêm cột “Lỗi cần sửa”: sửa các ô được nêu, rồi tải chính tệp đó lên lại.',
    toList: 'Xem {{list}}',
    undo: 'Hoàn tác lần nhập',
    undoConfirm: 'Xóa các bản ghi lần nhập này đã thêm?',
    undoHint: 'Bản ghi đã được sửa sau khi nhập được giữ lại. Chỉ hoàn tác được trong 7 ngày.',
    undone: 'Đã hoàn tác: xóa {{n}} bản ghi.',
    kept: 'Giữ lại {{n}} bản ghi:',
    keptItem: 'Bản ghi {{id}}: {{reason}}',
    undoneAt: 'Đã hoàn tác lúc {{at}}.',
  },
  past: {
    title: 'Các lần nhập trước',
    file: 'Tệp',
    who: 'Người nhập',
    when: 'Lúc',
    status: 'Trạng thái',
    counts: 'Kết quả',
    countsText: 'Thêm {{created}} · Sửa {{updated}} · Không đổi {{unchanged}} · Từ chối {{refused}}',
    none: 'Chưa có lần nhập nào.',
  },
  status: { queued: 'Đang chờ', running: 'Đang nhập', done: 'Xong', failed: 'Lỗi', undone: 'Đã hoàn tác', unknown: 'Không rõ' },
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : T[K] extends string[] ? string[] : Shape<T[K]> };

const en: Shape<typeof vi> = {
  button: 'Import from Excel',
  title: 'Import data from Excel',
  intro: 'Register “{{register}}”: add or change many records at once from an Excel (.xlsx) or CSV file.',
  introAdd: '“{{register}}”: add many new records at once from an Excel (.xlsx) or CSV file.',
  backToList: 'Back to {{list}}',
  steps: { template: 'Template', upload: 'Upload', check: 'Check', run: 'Import', result: 'Result' },
  template: {
    title: '1. Download the template',
    xlsx: 'Excel template (.xlsx)',
    csv: 'CSV template',
    rules: [
      "One row per record; keep the template's header row (the first row).",
      'No merged cells, no formulas: values only.',
      'Dates as dd/mm/yyyy (e.g. 19/08/2024); numbers may be written 16.000.',
      'Several items in one cell are separated by a semicolon “;”.',
      "Delete the template's example row before importing.",
      'Uploading the same file twice creates nothing more.',
    ],
    unitRule:
      'Units by code (e.g. 21220) or by name with the province: “Xã Sơn Tịnh, Tỉnh Quảng Ngãi”; codes and names from before 01/07/2025 are accepted.',
  },
  upload: {
    title: '2. Upload the file',
    drop: 'Click or drag a file here',
    hint: 'An Excel (.xlsx) or CSV (.csv) file, at most 50 MiB. The file is checked first; nothing is written yet.',
    chosen: 'File: {{name}} ({{size}} KB)',
    sheet: 'Sheet name',
    sheetHint: 'Empty: the first sheet.',
    recheck: 'Check again',
    checking: 'Checking the file…',
    tooLarge: 'The file is larger than 50 MiB: one import takes at most 50 MiB. Split it into several files.',
    badType: 'Only Excel (.xlsx) or CSV (.csv) files. An .xls file: open it in Excel and save it as .xlsx.',
    empty: 'The file is empty.',
  },
  check: {
    title: '3. Check result',
    rows: 'Rows',
    create: 'New',
    update: 'Updates',
    unchanged: 'Unchanged',
    refused: 'Refused',
    refusedNote:
      'Refused rows are not imported; the others are. After the import, download the failed rows, fix them and upload them again.',
    nothing: 'No row to add or change.',
    run: 'Import {{n}} rows',
    stale: 'The mapping changed: checking again…',
  },
  mapping: {
    title: 'Column mapping',
    hint: 'Each column of the file feeds one field of the register. Change a field if the match is wrong; the file is checked again at once.',
    column: 'Column',
    header: 'Header in the file',
    field: 'Field',
    skip: 'Ignore',
  },
  missing: {
    title: 'The file lacks required columns:',
    notChecked: 'None of the file’s {{rows}} rows was checked.',
    how: 'In the “Column mapping” table below, choose the column of the file that feeds each missing field (in red in the list of fields); the file is checked again at once. Or add that column to the file as in the template and upload it again.',
    updates: 'A file only changing existing records: map the “Record id” column; then only the columns to change are needed.',
    option: 'Required column not mapped yet',
    blocked: 'Map every required column to import.',
  },
  errors: {
    title: 'Refused rows',
    row: 'Row',
    rowN: 'Row {{n}}',
    column: 'Column',
    message: 'To fix',
    truncated: 'Only the first {{n}} errors are shown.',
  },
  run: {
    title: '4. Import',
    progress: '{{processed}}/{{rows}} rows processed',
    queued: "Waiting for its turn: a unit's files are imported one after the other.",
    another: 'Import another file',
  },
  result: {
    title: '5. Result',
    created: 'Added',
    updated: 'Changed',
    unchanged: 'Unchanged',
    refused: 'Refused',
    failedRows: 'Download the failed rows',
    failedRowsHint: 'The failed rows file has an extra column “Lỗi cần sửa”: fix the cells it names, then upload that file again.',
    toList: 'Open {{list}}',
    undo: 'Undo this import',
    undoConfirm: 'Delete the records this import added?',
    undoHint: 'Records changed since the import are kept. Undo is possible for 7 days.',
    undone: 'Undone: {{n}} records deleted.',
    kept: '{{n}} records kept:',
    keptItem: 'Record {{id}}: {{reason}}',
    undoneAt: 'Undone at {{at}}.',
  },
  past: {
    title: 'Past imports',
    file: 'File',
    who: 'By',
    when: 'When',
    status: 'Status',
    counts: 'Result',
    countsText: 'Added {{created}} · Changed {{updated}} · Unchanged {{unchanged}} · Refused {{refused}}',
    none: 'No imports yet.',
  },
  status: { queued: 'Queued', running: 'Importing', done: 'Done', failed: 'Failed', undone: 'Undone', unknown: 'Unknown' },
};

export const IMPORTS_I18N = { vi, en } as const;

let added = false;
/** Adds the texts to i18next (once; deep-merged under `imports`). */
export function addImportsTexts(): void {
  if (added) return;
  added = true;
  i18n.addResourceBundle('vi', 'translation', { imports: vi }, true, false);
  i18n.addResourceBundle('en', 'translation', { imports: en }, true, false);
}
addImportsTexts();
