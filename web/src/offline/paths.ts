/** "Hàng chờ gửi": the page of what waits on this phone to be sent. */
export const OUTBOX_PATH = '/hang-cho-gui';
