// Test data: a valid resident ID number of a woman born in 1985, region 2301xx.
const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

export function checkChar(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i];
  return '10X98765432'[sum % 11];
}

const pick = (list) => list[Math.floor(Math.random() * list.length)];
const digits = (n) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');

export function idNumber() {
  const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
  const region = `2301${pick(['02', '03', '04', '08', '09', '10'])}`;
  const sequence = `${digits(2)}${pick([0, 2, 4, 6, 8])}`;
  const first17 = `${region}1985${month}${day}${sequence}`;
  return { value: first17 + checkChar(first17), birthDate: `1985-${month}-${day}` };
}

export function personName() {
  return pick(['欧阳', '司马', '上官', '诸葛', '东方', '慕容']) + pick(['晓', '若', '梓', '语', '思', '雨']) + pick(['萱', '涵', '菲', '琪', '彤', '璇', '茜']);
}
