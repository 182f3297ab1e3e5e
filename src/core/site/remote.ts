// A git remote's URL → the repository's web address (GitHub or GitHub Enterprise Server), so the
// page can link each module to its page there. Credentials in the URL are never kept.

/** `https://github.com/o/r.git`, `git@ghe.example.com:o/r.git`, `ssh://git@host:22/o/r` → `https://host/o/r`; null otherwise. */
export function webUrlFromRemote(remote: string): string | null {
  const url = remote.trim();
  let host: string;
  let repoPath: string;
  let scheme = 'https';
  const scp = /^(?:[^@/\s]+@)?([A-Za-z0-9.-]+):(?!\/\/)([^\s]+)$/.exec(url);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return null;
    }
    if (u.protocol === 'http:' || u.protocol === 'https:') {
      scheme = u.protocol.slice(0, -1);
      host = u.host;
    } else if (u.protocol === 'ssh:' || u.protocol === 'git+ssh:' || u.protocol === 'git:') {
      // The SSH port is not the web port.
      host = u.hostname;
    } else return null;
    repoPath = decodeURIComponent(u.pathname);
  } else if (scp) {
    host = scp[1]!;
    repoPath = scp[2]!;
  } else return null;
  const parts = repoPath.replace(/^\/+|\/+$/g, '').replace(/\.git$/, '').split('/');
  if (parts.length < 2 || parts.some((p) => p === '' || p === '.' || p === '..' || !/^[A-Za-z0-9_.-]+$/.test(p))) return null;
  if (!/^[A-Za-z0-9.-]+(?::\d+)?$/.test(host)) return null;
  return `${scheme}://${host.toLowerCase()}/${parts.join('/')}`;
}

/** The page of a file on the default branch (`HEAD` names it on GitHub). */
export function fileUrl(web: string, repoPath: string): string {
  return `${web}/blob/HEAD/${repoPath.split('/').map(encodeURIComponent).join('/')}`;
}
