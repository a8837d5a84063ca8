/** What opens a tip to its reporter: the tracking code and the secret. */
export interface Creds {
  code: string;
  secret: string;
}
