import DOMPurify from 'dompurify';
DOMPurify.addHook ??= () => {}; DOMPurify.sanitize ??= (s) => s;
const mermaid = (await import('mermaid')).default;
const t = process.argv[2].replace(/\\n/g, '\n');
try { const d = await mermaid.mermaidAPI.getDiagramFromText(t); console.log(d.type, JSON.stringify(d.db.getTasks?.().map(x=>[x.task,x.startTime,x.endTime,x.classes]) ?? [...d.db.getSections()])); } catch (e) { console.log('ERR', e.message.split('\n').slice(0,3).join(' / ')); }
